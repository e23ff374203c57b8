#!/usr/bin/env python3
"""Checks that the example corpus and `expected.toml` agree.

It reads every file with the Python standard library only (a deliberately simple reader,
independent of recoupe's own), then checks:

- each file parses in its format and yields the number of documents the manifest says;
- the metadata the manifest expects (url, title, published, lang, outlet) is in the input;
- every sentence, boilerplate string, figure and reused sentence of the manifest occurs,
  exactly, in its document's text;
- the corpus still holds the difficulties it is meant to hold (no-break spaces, a file
  without a final newline);
- when `../shared/seeds` sits next to the repository, no 8-word sequence of the seed
  articles appears in the corpus, apart from organisation names.

    python3 examples/aleppo-2016-tools/check_corpus.py

Exit status 1 and one line per problem when something disagrees.
"""

import gzip
import html
import html.parser
import json
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
import zlib
from email.utils import parsedate_to_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "aleppo-2016"
SEEDS = HERE.parents[1].parent / "shared" / "seeds"
# Word sequences that seeds and corpus may share: names of organisations and roles.
ALLOWED_SHARED = ("centre russe pour la réconciliation des parties",)
SHINGLE = 8

problems: list[str] = []


def problem(message: str) -> None:
    problems.append(message)


class TextOfHtml(html.parser.HTMLParser):
    """Visible text of a page, one line per block element; scripts and styles dropped."""

    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "blockquote", "br", "tr", "header",
              "footer", "nav", "section", "article", "aside", "ul", "ol", "time"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.lang = ""
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "html":
            self.lang = attrs.get("lang") or ""
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key and "content" in attrs:
                self.meta[key] = attrs["content"]
        elif tag == "title":
            self.in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        return "".join(self.parts)


def parse_html(source: str) -> TextOfHtml:
    parser = TextOfHtml()
    parser.feed(source)
    parser.close()
    return parser


def html_document(source: str) -> dict:
    page = parse_html(source)
    return {
        "text": page.text(),
        "url": page.meta.get("og:url", ""),
        "title": page.meta.get("og:title", ""),
        "published": page.meta.get("article:published_time", ""),
        "lang": page.lang,
        "outlet": page.meta.get("og:site_name", ""),
    }


def read_text(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    # The manifest's `heading` says whether the first line is a title; compare with it.
    first_line = text.split("\n", 1)[0]
    return [{"text": text, "url": "", "title": first_line, "published": "", "lang": "",
             "outlet": ""}]


def read_html(path: Path) -> list[dict]:
    return [html_document(path.read_text(encoding="utf-8"))]


def read_feed(path: Path) -> list[dict]:
    ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
    channel = ET.parse(path).getroot().find("channel")
    outlet = channel.findtext("title", "")
    lang = channel.findtext("language", "")
    docs = []
    for item in channel.findall("item"):
        body = item.findtext("content:encoded", None, ns) or item.findtext("description", "")
        published = parsedate_to_datetime(item.findtext("pubDate", "")).isoformat()
        docs.append({
            "text": parse_html(body).text(),
            "url": item.findtext("link", ""),
            "title": item.findtext("title", ""),
            "published": published,
            "lang": lang,
            "outlet": outlet,
        })
    return docs


def read_jsonl(path: Path) -> list[dict]:
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        for field in ("id", "url", "outlet", "title", "published", "lang", "text"):
            if field not in record:
                problem(f"{path.name} line {number}: no field {field!r}")
        docs.append({
            "text": record.get("text", ""),
            "url": record.get("url", ""),
            "title": record.get("title", ""),
            "published": record.get("published", ""),
            "lang": record.get("lang", ""),
            "outlet": record.get("outlet", ""),
            "given_id": record.get("id", ""),
        })
    return docs


def warc_records(path: Path):
    """(headers, block) for every record; one gzip member per record, checked as such."""
    data = path.read_bytes()
    pos = 0
    while pos < len(data):
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        raw = member.decompress(data[pos:]) + member.flush()
        pos = len(data) - len(member.unused_data)
        head, _, rest = raw.partition(b"\r\n\r\n")
        lines = head.decode("utf-8").split("\r\n")
        if lines[0] != "WARC/1.0":
            problem(f"{path.name}: record does not start with WARC/1.0")
        headers = dict(line.split(": ", 1) for line in lines[1:])
        length = int(headers.get("Content-Length", "-1"))
        block = rest[:length]
        if len(block) != length or rest[length:] != b"\r\n\r\n":
            problem(f"{path.name}: {headers.get('WARC-Record-ID')}: Content-Length disagrees")
        for name in ("WARC-Type", "WARC-Record-ID", "WARC-Date"):
            if name not in headers:
                problem(f"{path.name}: a record has no {name}")
        yield headers, block


def read_warc(path: Path) -> list[dict]:
    docs = []
    for headers, block in warc_records(path):
        if headers.get("WARC-Type") != "response":
            continue
        if headers.get("Content-Type") != "application/http; msgtype=response":
            problem(f"{path.name}: response record with Content-Type {headers.get('Content-Type')}")
        http_head, _, body = block.partition(b"\r\n\r\n")
        declared = re.search(rb"Content-Length: (\d+)", http_head)
        if declared is None or int(declared.group(1)) != len(body):
            problem(f"{path.name}: HTTP Content-Length disagrees with the payload")
        doc = html_document(body.decode("utf-8"))
        if doc["url"] != headers.get("WARC-Target-URI"):
            problem(f"{path.name}: og:url differs from WARC-Target-URI")
        docs.append(doc)
    return docs


READERS = {"text": read_text, "html": read_html, "feed": read_feed, "jsonl": read_jsonl,
           "warc": read_warc}


def flat(text: str) -> str:
    """Collapses ASCII white space only: no-break spaces are data here."""
    return re.sub(r"[ \t\r\n]+", " ", text)


def check_document(where: str, doc: dict, expected: dict, all_docs: dict) -> None:
    text = flat(doc["text"])
    for key in ("url", "title", "published", "outlet"):
        have = doc.get(key, "")
        want = expected[key]
        if key == "outlet" and expected["outlet_origin"] != "metadata":
            continue
        if key == "title" and not expected["heading"] and expected["title"] == "":
            # A plain-text file whose first line is not a title.
            continue
        if key == "published" and have and want:
            have = have.replace("Z", "+00:00")
            want = want.replace("Z", "+00:00")
        if have != want:
            problem(f"{where}: {key} is {have!r} in the input, {want!r} in the manifest")
    if expected["lang_origin"] == "metadata" and not doc["lang"].lower().startswith(expected["lang"]):
        problem(f"{where}: declared language {doc['lang']!r}, manifest says {expected['lang']!r}")
    if expected["lang_origin"] == "detected" and doc["lang"]:
        problem(f"{where}: manifest says the language must be detected, but the input declares it")
    if expected.get("given_id", "") != doc.get("given_id", ""):
        problem(f"{where}: given_id differs")
    if expected["heading"] and not doc["text"].startswith(expected["heading"] + "\n"):
        problem(f"{where}: the text does not start with its heading")
    if not 150 <= len(text.split()) or not expected["sentences"]:
        problem(f"{where}: text too short or no sentences")
    for sentence in expected["sentences"]:
        if sentence not in text:
            problem(f"{where}: sentence not found: {sentence[:60]}…")
    for string in expected["boilerplate"]:
        if string not in text:
            problem(f"{where}: boilerplate not found: {string}")
    for figure in expected.get("figures", []):
        if figure["text"].lower() not in text.lower():
            problem(f"{where}: figure not found: {figure['text']}")
    for embed in expected["embeds"]:
        for key in ("author", "handle", "date_text"):
            if embed[key] not in text:
                problem(f"{where}: embed {key} not found: {embed[key]}")
    for reuse in expected.get("reuses", []):
        other = all_docs.get((reuse["file"], reuse["record"]))
        if other is None or reuse["sentence"] not in flat(other["text"]):
            problem(f"{where}: reused sentence missing from {reuse['file']}")
        if reuse["sentence"] not in text:
            problem(f"{where}: reused sentence missing here")


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower().replace("\u2019", "'"))


def shingles(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}


def check_seed_overlap(all_docs: dict) -> None:
    if not SEEDS.is_dir():
        print(f"skipped seed comparison: {SEEDS} not found")
        return
    seed = set()
    for path in sorted(SEEDS.glob("*.txt")):
        seed |= shingles(path.read_text(encoding="utf-8"))
    allowed = set()
    for name in ALLOWED_SHARED:
        allowed |= {s for s in seed if " ".join(s) in " ".join(words(name)) or
                    " ".join(words(name)) in " ".join(s)}
    for (file, record), doc in all_docs.items():
        shared = (shingles(doc["text"]) & seed) - allowed
        for s in sorted(shared):
            problem(f"{file} [{record}]: shares with a seed article: {' '.join(s)}")


def main() -> int:
    manifest = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
    all_docs = {}
    for entry in manifest["file"]:
        path = CORPUS / entry["path"]
        docs = READERS[entry["format"]](path)
        if len(docs) != entry["documents"]:
            problem(f"{entry['path']}: {len(docs)} documents, manifest says {entry['documents']}")
        for number, doc in enumerate(docs, 1):
            all_docs[(entry["path"], number)] = doc
    listed = {e["path"] for e in manifest["file"]}
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_file()} - {"README.md", "expected.toml"}
    if listed != on_disk:
        problem(f"files on disk and in the manifest differ: {sorted(listed ^ on_disk)}")
    for expected in manifest["document"]:
        key = (expected["file"], expected["record"])
        where = f"{expected['file']} [{expected['record']}]"
        if key not in all_docs:
            problem(f"{where}: no such document")
            continue
        check_document(where, all_docs[key], expected, all_docs)
    everything = "".join(d["text"] for d in all_docs.values())
    for char, name in (("\u00a0", "no-break space"), ("\u202f", "narrow no-break space")):
        if char not in everything:
            problem(f"the corpus has no {name}")
    if (CORPUS / "08-citoyen-sans-date.txt").read_bytes().endswith(b"\n"):
        problem("08-citoyen-sans-date.txt must end without a newline")
    check_seed_overlap(all_docs)
    for message in problems:
        print(message)
    print(f"{len(all_docs)} documents in {len(manifest['file'])} files, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
