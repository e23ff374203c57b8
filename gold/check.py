#!/usr/bin/env python3
"""Load the gold annotations, locate every mention and anchor in its document, report problems.

Run from anywhere (standard library only, Python 3.11+ for tomllib):

    python3 gold/check.py                 # every gold file; exit status 1 if anything is wrong
    python3 gold/check.py --show FILE...  # also print what each annotation resolves to

The document texts are the texts recoupe reads: the raw seed files under ../shared/seeds, and for
the example corpus the `text` printed by `recoupe extract` (the debug binary under target/, or
the one named by $RECOUPE_BIN). The format and the matching rules are in gold/README.md.

Other scripts (bench/peer/entities_eval.py) import `load_gold()` to get located spans.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent
REPO = GOLD_DIR.parent
SHARED = Path(os.environ.get("RECOUPE_SHARED", REPO.parent / "shared"))

ENTITY_KINDS = {"person", "organisation", "place", "outlet"}
MENTION_KINDS = {"name", "acronym", "description", "pronoun"}
QUOTE_KINDS = {"direct", "partial", "block"}
ATTRIBUTION_KINDS = {"reported", "document"}
MAX_ANCHOR_WORDS = 6
OPENING_MARKS = "«“„‹\"'"
CLOSING_MARKS = "»”›\"'"


@dataclass
class Mention:
    text: str
    kind: str
    start: int
    end: int


@dataclass
class Entity:
    canonical: str
    kind: str
    role: str | None
    organisation: str | None
    country: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Speech:
    """A gold quotation or attribution, located: `who` is the speaker or source canonical."""

    section: str  # "quote" | "attribution"
    kind: str
    start: int
    end: int
    who: str
    who_span: tuple[int, int] | None
    cue: str
    cue_span: tuple[int, int] | None


@dataclass
class GoldDoc:
    path: Path
    source: str
    record: str | None
    lang: str
    text: str
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Speech] = field(default_factory=list)
    attributions: list[Speech] = field(default_factory=list)


def recoupe_bin() -> str:
    return os.environ.get("RECOUPE_BIN", str(REPO / "target" / "debug" / "recoupe"))


_EXTRACTED: dict[str, list[dict]] = {}


def extracted(path: Path) -> list[dict]:
    """Every document recoupe reads from one example file (cached: one run per file)."""
    key = str(path)
    if key not in _EXTRACTED:
        out = subprocess.run(
            [recoupe_bin(), "extract", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            raise RuntimeError(f"recoupe extract {path} failed: {out.stderr.strip()}")
        _EXTRACTED[key] = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    return _EXTRACTED[key]


def document_text(source: str, record: str | None) -> str:
    """The original text of the document a gold file annotates."""
    if source.startswith("seeds/"):
        return (SHARED / source).read_text(encoding="utf-8")
    docs = extracted(REPO / source)
    if record is None:
        if len(docs) != 1:
            raise RuntimeError(f"{source} holds {len(docs)} documents: give `record`")
        return docs[0]["text"]
    for doc in docs:
        if doc.get("source", {}).get("record") == record:
            return doc["text"]
    raise RuntimeError(f"{source}: no document with record {record!r}")


def matches(text: str, needle: str) -> list[int]:
    """Start offsets of every exact match, left to right, overlaps allowed."""
    found, at = [], text.find(needle)
    while needle and at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


class Checker:
    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] = []

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{self.path.relative_to(REPO)}: {where}: {what}")

    def locate(self, where: str, text: str, occurrence: int | None) -> tuple[int, int] | None:
        if not isinstance(text, str) or not text:
            self.problem(where, f"empty or missing text {text!r}")
            return None
        found = matches(self.doc.text, text)
        if not found:
            self.problem(where, f"text not found: {text!r}")
            return None
        rank = 1 if occurrence is None else occurrence
        if not isinstance(rank, int) or not 1 <= rank <= len(found):
            self.problem(where, f"occurrence {occurrence} of {text!r} out of range 1..{len(found)}")
            return None
        return found[rank - 1], found[rank - 1] + len(text)

    def nearest(self, where: str, text: str, occurrence, content: tuple[int, int]):
        if occurrence is not None:
            return self.locate(where, text, occurrence)
        found = matches(self.doc.text, text)
        if not found:
            self.problem(where, f"text not found: {text!r}")
            return None
        spans = [(s, s + len(text)) for s in found]
        return min(spans, key=lambda span: (distance(span, content), span[0]))

    def anchors(self, where: str, item: dict) -> tuple[int, int] | None:
        first, last = item.get("content_start"), item.get("content_end")
        for name, anchor in (("content_start", first), ("content_end", last)):
            if isinstance(anchor, str) and len(anchor.split()) > MAX_ANCHOR_WORDS:
                self.problem(where, f"{name} has more than {MAX_ANCHOR_WORDS} words: {anchor!r}")
        start = self.locate(f"{where}.content_start", first, item.get("start_occurrence"))
        if start is None:
            return None
        if item.get("end_occurrence") is not None:
            end = self.locate(f"{where}.content_end", last, item.get("end_occurrence"))
        else:
            ends = [s + len(last) for s in matches(self.doc.text, last or "")]
            ends = [e for e in ends if e >= start[1]]
            end = (ends[0] - len(last), ends[0]) if ends else None
            if end is None:
                self.problem(where, f"content_end {last!r} not found after content_start")
        if end is None:
            return None
        if end[1] < start[1] or end[0] < start[0]:
            self.problem(where, "content_end comes before content_start")
            return None
        return start[0], end[1]

    def check_marks(self, where: str, span: tuple[int, int]) -> None:
        text = self.doc.text
        before = text[: span[0]].rstrip().rstrip("_*").rstrip()
        after = text[span[1] :].lstrip().lstrip("_*").lstrip()
        if not before or before[-1] not in OPENING_MARKS:
            self.problem(where, f"no opening quotation mark before the content: {before[-15:]!r}")
        if not after or after[0] not in CLOSING_MARKS:
            self.problem(where, f"no closing quotation mark after the content: {after[:15]!r}")

    def run(self) -> GoldDoc | None:
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            self.problem("file", f"cannot be read as TOML: {err}")
            return None
        source, record = data.get("source"), data.get("record")
        if not isinstance(source, str):
            self.problem("file", "missing `source`")
            return None
        try:
            text = document_text(source, record)
        except (OSError, RuntimeError) as err:
            self.problem("source", str(err))
            return None
        self.doc = GoldDoc(self.path, source, record, data.get("lang", "fr"), text)
        self.entities(data.get("entity", []))
        canon = {e.canonical for e in self.doc.entities}
        for section in ("quote", "attribution"):
            for i, item in enumerate(data.get(section, []), 1):
                self.speech(section, i, item, canon)
        return self.doc

    def entities(self, items: list[dict]) -> None:
        seen: set[str] = set()
        names: list[tuple[int, int, str]] = []
        spans: set[tuple[int, int]] = set()
        for i, item in enumerate(items, 1):
            canonical, kind = item.get("canonical", ""), item.get("kind")
            where = f"entity {i} ({canonical})"
            if not canonical or canonical in seen:
                self.problem(where, "canonical missing or not unique")
            seen.add(canonical)
            if kind not in ENTITY_KINDS:
                self.problem(where, f"kind {kind!r} not in {sorted(ENTITY_KINDS)}")
            entity = Entity(canonical, kind, item.get("role"), item.get("organisation"), item.get("country"))
            for mention in item.get("mentions", []):
                mkind = mention.get("kind", "name")
                if mkind not in MENTION_KINDS:
                    self.problem(where, f"mention kind {mkind!r} not in {sorted(MENTION_KINDS)}")
                span = self.locate(where, mention.get("text"), mention.get("occurrence"))
                if span is None:
                    continue
                if span in spans:
                    self.problem(where, f"mention {mention.get('text')!r} listed twice")
                spans.add(span)
                entity.mentions.append(Mention(mention["text"], mkind, *span))
                if mkind in ("name", "acronym"):
                    names.append((span[0], span[1], canonical))
            self.doc.entities.append(entity)
        for item in items:
            org = item.get("organisation")
            if org and org not in seen:
                self.problem(f"entity {item.get('canonical')}", f"organisation {org!r} is not an entity")
        names.sort()
        for a, b in zip(names, names[1:]):
            if b[0] < a[1]:
                self.problem("entities", f"name mentions overlap: {self.doc.text[a[0]:a[1]]!r} and {self.doc.text[b[0]:b[1]]!r}")

    def speech(self, section: str, i: int, item: dict, canon: set[str]) -> None:
        where = f"{section} {i}"
        kinds = QUOTE_KINDS if section == "quote" else ATTRIBUTION_KINDS
        if item.get("kind") not in kinds:
            self.problem(where, f"kind {item.get('kind')!r} not in {sorted(kinds)}")
        who_key = "speaker" if section == "quote" else "source"
        who = item.get(who_key)
        if who is None or (who and who not in canon):
            self.problem(where, f"{who_key} {who!r} is not an entity canonical (or \"\")")
        if who == "" and not item.get("note"):
            self.problem(where, f"empty {who_key} without a note")
        content = self.anchors(where, item)
        if content is None:
            return
        if section == "quote" and item.get("kind") in ("direct", "partial"):
            self.check_marks(where, content)
        who_span = cue_span = None
        mention = item.get(f"{who_key}_mention")
        if mention:
            who_span = self.nearest(f"{where}.{who_key}_mention", mention, item.get(f"{who_key}_occurrence"), content)
        elif who:
            self.problem(where, f"{who_key}_mention missing")
        if item.get("cue"):
            cue_span = self.nearest(f"{where}.cue", item["cue"], item.get("cue_occurrence"), content)
        elif not (section == "quote" and item.get("cue") == ""):
            self.problem(where, "cue missing (\"\" only for a quote whose speaker line has no cue)")
        if who and who_span:
            entity = next(e for e in self.doc.entities if e.canonical == who)
            if not any(distance((m.start, m.end), who_span) == 0 for m in entity.mentions):
                self.problem(where, f"{who_key}_mention {mention!r} is not a mention of {who!r}")
        record = Speech(section, item.get("kind", ""), *content, who or "", who_span, item.get("cue", ""), cue_span)
        (self.doc.quotes if section == "quote" else self.doc.attributions).append(record)


ANNOTATION_DIRS = ("seeds", "aleppo-2016")  # gold/figures/ has its own format and checker


def gold_files() -> list[Path]:
    return sorted(p for d in ANNOTATION_DIRS for p in (GOLD_DIR / d).glob("*.toml"))


def load_gold(paths: list[Path] | None = None) -> tuple[list[GoldDoc], list[str]]:
    """Every gold document, located, and the list of problems found on the way."""
    docs, problems = [], []
    for path in paths or gold_files():
        checker = Checker(path.resolve())
        doc = checker.run()
        problems.extend(checker.problems)
        if doc is not None:
            docs.append(doc)
    return docs, problems


def show(doc: GoldDoc) -> None:
    def ctx(span):
        if span is None:
            return "-"
        s, e = span
        return f"[{s},{e}) …{doc.text[max(0, s - 20):s]}⟦{doc.text[s:e]}⟧{doc.text[e:e + 20]}…".replace("\n", "⏎")

    print(f"== {doc.path.relative_to(REPO)}")
    for e in doc.entities:
        print(f"  {e.kind:12} {e.canonical}  role={e.role} org={e.organisation} country={e.country}")
        for m in e.mentions:
            print(f"      {m.kind:11} {ctx((m.start, m.end))}")
    for q in doc.quotes + doc.attributions:
        body = doc.text[q.start:q.end]
        body = body if len(body) < 90 else body[:40] + " … " + body[-40:]
        print(f"  {q.section} {q.kind}: {body!r}".replace("\n", "⏎"))
        print(f"      who={q.who!r} mention {ctx(q.who_span)}")
        print(f"      cue {ctx(q.cue_span)}")


def main(argv: list[str]) -> int:
    show_all = "--show" in argv
    paths = [Path(a) for a in argv if a != "--show"]
    docs, problems = load_gold(paths or None)
    if show_all:
        for doc in docs:
            show(doc)
    for p in problems:
        print(p)
    entities = sum(len(d.entities) for d in docs)
    mentions = sum(len(e.mentions) for d in docs for e in d.entities)
    quotes = sum(len(d.quotes) for d in docs)
    attributions = sum(len(d.attributions) for d in docs)
    print(
        f"{len(docs)} documents, {entities} entities, {mentions} mentions, "
        f"{quotes} quotes, {attributions} attributions: {len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
