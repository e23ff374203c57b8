#!/usr/bin/env python3
"""Score the peer's named entities (spaCy) against the gold people and organisations.

The peer is spaCy's small French pipeline, the entity recogniser a user would reach for today.
It runs on the very texts the gold refers to (gold/check.py loads them), and its PER, ORG and
LOC/GPE spans are scored against the gold name and acronym mentions with the matching rules of
gold/README.md: exact (equal after trimming whitespace and quotation/punctuation marks) and
overlap (at least one shared character), one-to-one, micro-averaged over all documents.

    /work/peer-venv/bin/python bench/peer/entities_eval.py [--lang fr] [--details]

English documents use en_core_web_sm when it is installed, otherwise the French model (the
table says which model read which documents).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "gold"))

import check  # noqa: E402  (gold/check.py: loads and locates the gold)

TRIM = " \t\n\u00a0\u202f.,;:!?…«»\"“”'’"
TYPES = ("person", "organisation", "place")
GOLD_TYPE = {"person": "person", "organisation": "organisation", "outlet": "organisation", "place": "place"}
SPACY_TYPE = {"PER": "person", "PERSON": "person", "ORG": "organisation", "LOC": "place", "GPE": "place"}


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def match(gold: list[tuple[int, int]], system: list[tuple[int, int]], text: str, exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index), by decreasing shared characters, then position."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            shared = min(g[1], s[1]) - max(g[0], s[0])
            if shared <= 0:
                continue
            if exact and trimmed(text, *g) != trimmed(text, *s):
                continue
            candidates.append((-shared, g[0], s[0], gi, si))
    pairs, used_g, used_s = [], set(), set()
    for _, _, _, gi, si in sorted(candidates):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def load_models():
    import spacy

    fr = spacy.load("fr_core_news_sm")
    try:
        en, en_name = spacy.load("en_core_web_sm"), "en_core_web_sm"
    except OSError:
        en, en_name = fr, "fr_core_news_sm (en_core_web_sm not installed)"
    return {"fr": (fr, "fr_core_news_sm"), "en": (en, en_name)}


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="list misses and false alarms")
    parser.add_argument("--lang", help="only the gold documents in this language (fr, en)")
    args = parser.parse_args()

    docs, problems = check.load_gold()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("gold has problems: run gold/check.py", file=sys.stderr)
        return 1
    if args.lang:
        docs = [d for d in docs if d.lang == args.lang]
    models = load_models()
    counts = {t: Counter() for t in TYPES}
    used_models = Counter()
    for doc in docs:
        nlp, name = models.get(doc.lang, models["fr"])
        used_models[f"{name}: {doc.lang}"] += 1
        parsed = nlp(doc.text)
        for t in TYPES:
            gold = [
                (m.start, m.end)
                for e in doc.entities
                if GOLD_TYPE[e.kind] == t
                for m in e.mentions
                if m.kind in ("name", "acronym")
            ]
            system = [(ent.start_char, ent.end_char) for ent in parsed.ents if SPACY_TYPE.get(ent.label_) == t]
            counts[t]["gold"] += len(gold)
            counts[t]["system"] += len(system)
            for mode in ("exact", "overlap"):
                pairs = match(gold, system, doc.text, exact=mode == "exact")
                counts[t][mode] += len(pairs)
                if args.details and mode == "exact":
                    hit_g = {g for g, _ in pairs}
                    hit_s = {s for _, s in pairs}
                    rel = doc.path.relative_to(REPO)
                    for i, g in enumerate(gold):
                        if i not in hit_g:
                            print(f"{rel}: {t} missed      {doc.text[g[0]:g[1]]!r}")
                    for i, s in enumerate(system):
                        if i not in hit_s:
                            print(f"{rel}: {t} false alarm {doc.text[s[0]:s[1]]!r}")

    print(f"peer: spaCy on {len(docs)} gold documents ({', '.join(f'{k} x{v}' for k, v in sorted(used_models.items()))})")
    print()
    print("| type | gold | peer | exact TP | exact P | exact R | exact F1 | overlap TP | overlap P | overlap R | overlap F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for t in TYPES:
        c = counts[t]
        row = [t, str(c["gold"]), str(c["system"])]
        for mode in ("exact", "overlap"):
            p, r, f = prf(c[mode], c["system"], c["gold"])
            row += [str(c[mode]), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]
        print("| " + " | ".join(row) + " |")
    both = Counter()
    for t in ("person", "organisation"):
        both.update(counts[t])
    row = ["person+organisation", str(both["gold"]), str(both["system"])]
    for mode in ("exact", "overlap"):
        p, r, f = prf(both[mode], both["system"], both["gold"])
        row += [str(both[mode]), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]
    print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
