#!/usr/bin/env python3
"""Check the gold claim files of gold/figures against their documents.

Loads every `seeds/*.toml` and `aleppo-2016/*.toml`, finds each figure in its document's
original text (seeds: the raw file under ../shared; examples: the `text` that
`target/debug/recoupe extract FILE` prints for the record), checks the vocabularies, the value
fields against the qualifier, the part_of links and the canonical names, then prints counts and
every problem found. Exit status 1 when there is a problem.

    python3 gold/figures/check.py            # counts and problems
    python3 gold/figures/check.py --show     # also every figure in its context, for review
    python3 gold/figures/check.py --uncovered  # numbers of the texts that no figure covers

Python standard library only (tomllib: Python 3.11+).
"""

import collections
import datetime
import json
import os
import re
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
RECOUPE = os.path.join(REPO, "target", "debug", "recoupe")

QUALIFIERS = {"exact", "approx", "nearly", "at_least", "more_than", "at_most", "less_than",
              "range", "vague"}
CATEGORIES = {"civilians", "children", "people", "fighters", "deaths", "injured", "area",
              "length", "munitions", "vehicles", "buildings", "votes", "countries", "aid",
              "duration", "other"}
PREDICATES = {"evacuated", "rescued", "left", "surrendered", "amnestied", "demined", "found",
              "returned", "killed", "injured", "displaced", "at_risk", "arrested", "trapped",
              "assigned", "voted", "aided", "settled", "none", "other"}
MODALITIES = {"done", "planned", "estimated", "expected", "hypothetical"}
WINDOWS = {"point", "last_24h", "per_day", "cumulative", "unknown"}
ATTRIBUTIONS = {"direct_quote", "reported", "selon", "document", "headline", "outlet"}
SPEAKERS = {"Sergueï Lavrov", "Igor Konachenkov", "Igor Mikhaïlik", "Brita Hali Hasan",
            "Bachar el-Assad"}
ORGANISATIONS = {"ministère russe de la Défense", "ministère russe des Affaires étrangères",
                 "Centre russe pour la réconciliation",
                 "Centre international d'action contre les mines",
                 "Organisation des Nations unies", "Assemblée générale des Nations unies",
                 "Conseil de sécurité des Nations unies",
                 "Comité international de la Croix-Rouge", "Croissant-Rouge arabe syrien",
                 "gouvernement russe", "AFP", "Sputnik", "RT France"}
PLACES = {"Alep-Est", "Alep", "Syrie", "Idlib", "Al-Tall", "Damas", ""}

# Which value keys each qualifier must (and may only) carry.
VALUE_KEYS = {
    "exact": {"best", "low", "high"},
    "approx": {"best"},
    "nearly": {"best", "high"},
    "more_than": {"best", "low"},
    "at_least": {"best", "low"},
    "less_than": {"best", "high"},
    "at_most": {"best", "high"},
    "range": {"low", "high"},
}
REQUIRED = ["id", "text", "occurrence", "qualifier", "counted", "category", "predicate",
            "predicate_category", "modality", "window", "since", "window_end", "place",
            "part_of", "speaker", "organisation", "attribution"]
OPTIONAL = {"best", "low", "high", "doubtful", "note"}
MAX_ANCHOR = 40  # seeds are publishers' text: anchors stay short
COPY_WORDS = 7  # and no run of this many words of a seed is copied anywhere


def extract_texts(path, cache={}):
    """Documents of an example file as recoupe extracts them: {record or "": text}."""
    if path not in cache:
        out = subprocess.run([RECOUPE, "extract", path], cwd=REPO, capture_output=True,
                             text=True, check=False)
        docs = []
        for line in out.stdout.splitlines():
            if line.strip():
                d = json.loads(line)
                docs.append((d["source"].get("record") or "", d["text"]))
        cache[path] = docs
    return cache[path]


def document_text(gold, problems, where):
    source = gold.get("source", "")
    record = gold.get("record", "")
    if source.startswith("seeds/"):
        path = os.path.join(SHARED, source)
        if not os.path.exists(path):
            problems.append(f"{where}: {path} not found")
            return None
        with open(path, encoding="utf-8") as f:
            return f.read()
    if not os.path.exists(RECOUPE):
        problems.append(f"{where}: {RECOUPE} not built (cargo build -p recoupe-cli)")
        return None
    if not os.path.exists(os.path.join(REPO, source)):
        problems.append(f"{where}: {source} not found")
        return None
    docs = extract_texts(source)
    if record:
        found = [t for r, t in docs if r == record]
    else:
        found = [t for _, t in docs] if len(docs) == 1 else []
    if len(found) != 1:
        problems.append(f"{where}: record {record!r} not found once among "
                        f"{[r for r, _ in docs]}")
        return None
    return found[0]


def locate(text, needle, occurrence):
    """Start of the occurrence-th non-overlapping match, or None; and the number of matches."""
    starts, i = [], 0
    while needle:
        j = text.find(needle, i)
        if j < 0:
            break
        starts.append(j)
        i = j + len(needle)
    if 1 <= occurrence <= len(starts):
        return starts[occurrence - 1], len(starts)
    return None, len(starts)


def is_iso_date(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def word_runs(s, n=COPY_WORDS):
    words = re.findall(r"\w+", s.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def check_no_copy(gold, text, rel, problems):
    """Seeds are publishers' text: no run of COPY_WORDS words of it may be carried over."""
    runs = word_runs(text)
    fields = [gold.get("note", "")]
    for fig in gold.get("figure", []):
        fields += [v for k, v in fig.items()
                   if isinstance(v, str) and k not in ("speaker", "organisation")]
    for field in fields:
        copied = word_runs(field) & runs
        if copied:
            problems.append(f"{rel}: copies seed text ({sorted(copied)[0]!r}…)")


def check_values(fig, where, problems):
    q = fig.get("qualifier")
    present = {k for k in ("best", "low", "high") if k in fig}
    for k in present:
        if not isinstance(fig[k], (int, float)) or isinstance(fig[k], bool):
            problems.append(f"{where}: {k} must be a number")
            return
    if q == "vague":
        if not present:
            problems.append(f"{where}: vague amount without best or bounds")
    elif q in VALUE_KEYS and present != VALUE_KEYS[q]:
        problems.append(f"{where}: qualifier {q} wants {sorted(VALUE_KEYS[q])}, "
                        f"has {sorted(present)}")
        return
    if q == "exact" and not fig["best"] == fig["low"] == fig["high"]:
        problems.append(f"{where}: exact with best/low/high not equal")
    if q == "nearly" and fig["best"] != fig["high"]:
        problems.append(f"{where}: nearly wants best == high")
    if q in ("more_than", "at_least") and fig["best"] != fig["low"]:
        problems.append(f"{where}: {q} wants best == low")
    if q in ("less_than", "at_most") and fig["best"] != fig["high"]:
        problems.append(f"{where}: {q} wants best == high")
    if "low" in present and "high" in present and fig["low"] > fig["high"]:
        problems.append(f"{where}: low > high")


# Numbers a reviewer must look at: digits and number words (review aid for --uncovered).
NUMBER_RE = re.compile(
    r"\d+|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|"
    r"trente|quarante|cinquante|cent|mille|milliers?|millions?|dizaines?|centaines?|"
    r"moitié|tiers|quart|two|three|four|five|six|seven|eight|nine|ten|twenty|hundreds?|"
    r"thousands?|millions?|dozens?|half)\b", re.IGNORECASE)


def report_uncovered(text, spans, rel):
    """Print every number of the text that no gold figure covers, in its context."""
    for m in NUMBER_RE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in spans):
            ctx = text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ⏎ ")
            print(f"  uncovered {rel}: {m.group()!r}  …{ctx}…")


def check_file(path, problems, stats, show, uncovered=False):
    rel = os.path.relpath(path, REPO)
    try:
        with open(path, "rb") as f:
            gold = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        problems.append(f"{rel}: cannot read: {e}")
        return
    for key in ("source", "record", "outlet", "published"):
        if not isinstance(gold.get(key), str):
            problems.append(f"{rel}: missing string `{key}`")
    is_seed = gold.get("source", "").startswith("seeds/")
    stem = os.path.splitext(os.path.basename(path))[0]
    expected_stem = os.path.splitext(os.path.basename(gold.get("source", "")))[0]
    if gold.get("source", "").endswith(".warc.gz"):
        expected_stem = os.path.basename(gold["source"])[: -len(".warc.gz")]
    rec = gold.get("record", "")
    m = re.fullmatch(r"(item|line) (\d+)", rec)
    if m:
        expected_stem += f"-{m.group(1)}-{m.group(2)}"
    elif rec:
        problems.append(f"{rel}: record {rec!r} is not 'item N' or 'line N'")
    if stem != expected_stem:
        problems.append(f"{rel}: file name should be {expected_stem}.toml")
    published = gold.get("published", "")
    if published:
        try:
            datetime.datetime.fromisoformat(published.replace("Z", "+00:00"))
        except ValueError:
            problems.append(f"{rel}: published {published!r} is not RFC 3339")
    text = document_text(gold, problems, rel)
    if text is None:
        return
    if is_seed:
        check_no_copy(gold, text, rel, problems)
    stats["documents"] += 1
    outlet = gold.get("outlet", "")
    figures = gold.get("figure", [])
    ids = [f.get("id") for f in figures]
    spans = []
    for n, fig in enumerate(figures, 1):
        where = f"{rel} [{fig.get('id', '#%d' % n)}]"
        for key in REQUIRED:
            if key not in fig:
                problems.append(f"{where}: missing `{key}`")
        for key in fig:
            if key not in REQUIRED and key not in OPTIONAL:
                problems.append(f"{where}: unknown key `{key}`")
        if any(k not in fig for k in REQUIRED):
            continue
        if not re.fullmatch(r"f\d+", fig["id"]) or ids.count(fig["id"]) != 1:
            problems.append(f"{where}: id must be f<N> and unique")
        for key, vocab in (("qualifier", QUALIFIERS), ("category", CATEGORIES),
                           ("predicate_category", PREDICATES), ("modality", MODALITIES),
                           ("window", WINDOWS), ("attribution", ATTRIBUTIONS),
                           ("place", PLACES)):
            if fig[key] not in vocab:
                problems.append(f"{where}: {key} {fig[key]!r} not in the vocabulary")
        check_values(fig, where, problems)
        start, count = locate(text, fig["text"], fig["occurrence"])
        if start is None:
            problems.append(f"{where}: {fig['text']!r} occurrence {fig['occurrence']} not found "
                            f"({count} matches)")
        else:
            end = start + len(fig["text"])
            for other_id, (s, e) in spans:
                if s < end and start < e:
                    problems.append(f"{where}: span overlaps {other_id}")
            spans.append((fig["id"], (start, end)))
            stats["spans"].append((start, end))
            if show:
                ctx = text[max(0, start - 50):end + 60].replace("\n", " ⏎ ")
                print(f"  {fig['id']:>4} {fig['text']!r:28} {fig['category']}/"
                      f"{fig['predicate_category']}/{fig['window']} "
                      f"[{fig['speaker'] or fig['organisation'] or '-'}; {fig['attribution']}]"
                      f" part_of={fig['part_of'] or '-'}\n       …{ctx}…")
        for key in ("counted", "predicate"):
            if fig[key] and fig[key] not in text:
                problems.append(f"{where}: {key} {fig[key]!r} is not in the document")
        if is_seed:
            for key in ("text", "counted", "predicate", "since"):
                if len(fig[key]) > MAX_ANCHOR:
                    problems.append(f"{where}: {key} longer than {MAX_ANCHOR} chars in a seed")
        if fig["predicate_category"] != "none" and not fig["predicate"]:
            problems.append(f"{where}: predicate_category without the predicate as written")
        if fig["window"] != "cumulative" and fig["since"]:
            problems.append(f"{where}: since is only for cumulative windows")
        if fig["window_end"] and not is_iso_date(fig["window_end"]):
            problems.append(f"{where}: window_end {fig['window_end']!r} is not an ISO date")
        if fig["part_of"]:
            if fig["part_of"] == fig["id"] or fig["part_of"] not in ids:
                problems.append(f"{where}: part_of {fig['part_of']!r} is not another figure")
        if fig["speaker"] and fig["speaker"] not in SPEAKERS:
            problems.append(f"{where}: speaker {fig['speaker']!r} is not a canonical name")
        org = fig["organisation"]
        if org and org not in ORGANISATIONS and org != outlet:
            problems.append(f"{where}: organisation {org!r} is not a canonical name")
        if fig["attribution"] == "outlet" and fig["speaker"]:
            problems.append(f"{where}: an outlet attribution has no speaker")
        if fig["attribution"] not in ("outlet", "headline") and not (fig["speaker"] or org):
            problems.append(f"{where}: attribution {fig['attribution']} without speaker "
                            f"or organisation")
        if fig.get("doubtful") and not fig.get("note"):
            problems.append(f"{where}: doubtful without a note")
        stats["figures"] += 1
        stats["category"][fig["category"]] += 1
        stats["predicate"][fig["predicate_category"]] += 1
        stats["window"][fig["window"]] += 1
        stats["qualifier"][fig["qualifier"]] += 1
        stats["attribution"][fig["attribution"]] += 1
        if fig["part_of"]:
            stats["part_of"] += 1
        if fig.get("doubtful"):
            stats["doubtful"] += 1
            stats["doubtful_list"].append(f"{rel} {fig['id']} {fig['text']!r}: {fig['note']}")
        stats["attributed" if fig["attribution"] != "outlet" else "outlet"] += 1
    if uncovered:
        report_uncovered(text, stats.pop("spans", []), rel)
    stats["spans"] = []
    # part_of cycles
    parent = {f.get("id"): f.get("part_of", "") for f in figures}
    for fid in parent:
        seen, cur = set(), fid
        while cur:
            if cur in seen:
                problems.append(f"{rel}: part_of cycle through {fid}")
                break
            seen.add(cur)
            cur = parent.get(cur, "")


def main():
    show = "--show" in sys.argv
    problems = []
    stats = collections.defaultdict(int)
    for key in ("category", "predicate", "window", "qualifier", "attribution"):
        stats[key] = collections.Counter()
    stats["doubtful_list"] = []
    stats["spans"] = []
    files = []
    for sub in ("seeds", "aleppo-2016"):
        d = os.path.join(HERE, sub)
        if os.path.isdir(d):
            files += [os.path.join(d, n) for n in sorted(os.listdir(d)) if n.endswith(".toml")]
    for path in files:
        if show:
            print(os.path.relpath(path, REPO))
        check_file(path, problems, stats, show, "--uncovered" in sys.argv)
    print(f"documents: {stats['documents']}  figures: {stats['figures']}  "
          f"with part_of: {stats['part_of']}  attributed: {stats['attributed']}  "
          f"outlet (unattributed): {stats['outlet']}  doubtful: {stats['doubtful']}")
    for key in ("category", "predicate", "window", "qualifier", "attribution"):
        items = ", ".join(f"{k} {v}" for k, v in stats[key].most_common())
        print(f"by {key}: {items}")
    for line in stats["doubtful_list"]:
        print(f"doubtful: {line}")
    for p in problems:
        print(f"problem: {p}")
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
