#!/usr/bin/env python3
"""Draws a fixed-seed random sample of claims for hand judging.

Reads the JSON Lines that `recoupe claims --format json` prints for a JSONL corpus and the
corpus itself (to show each claim's evidence sentence to the judge), prints the totals (claims,
attributed claims, documents with claims), then the sampled claims with their fields and
evidence. Standard library only.

    ./target/debug/recoupe claims --format json CORPUS.jsonl > claims.jsonl
    python3 bench/claims-sample.py claims.jsonl CORPUS.jsonl --seed 20161215 --n 30

The evidence is printed for the judge only: the corpus texts are their publishers' property
and are not to be copied into the repository.
"""

import argparse
import json
import random
import re


def record_texts(corpus_path):
    """Text of every corpus line, by 1-based line number."""
    texts = {}
    with open(corpus_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                texts[n] = json.loads(line).get("text") or ""
            except json.JSONDecodeError:
                texts[n] = ""
    return texts


def line_number(source):
    m = re.search(r"\[line (\d+)\]", source or "")
    return int(m.group(1)) if m else None


def slice_bytes(text, span):
    raw = text.encode("utf-8")
    return raw[span["start"]:span["end"]].decode("utf-8", errors="replace")


def describe(claim):
    f = claim["figure"]
    c = claim.get("counted") or {}
    p = claim.get("predicate") or {}
    a = claim["attribution"]
    t = claim["time"]
    who = a.get("speaker") or ""
    if a.get("organisation"):
        who = f"{who} / {a['organisation']}" if who else a["organisation"]
    return {
        "figure": f"{f['text']} ({f['qualifier']}{', unit ' + f['unit'] if f.get('unit') else ''})",
        "counted": f"{c.get('text', '')} [{c.get('category', '-')}]",
        "predicate": f"{p.get('text', '')} [{p.get('category', '-')}, {p.get('modality', '-')}]",
        "window": t["kind"],
        "who": f"{who or '-'} ({a['how']}{', unattributed' if a['unattributed'] else ''})",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claims")
    ap.add_argument("corpus")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=30)
    args = ap.parse_args()

    with open(args.claims, encoding="utf-8") as f:
        claims = [json.loads(line) for line in f if line.strip()]
    texts = record_texts(args.corpus)
    attributed = sum(1 for c in claims if not c["attribution"]["unattributed"])
    documents = len({c["document"] for c in claims})
    print(f"claims: {len(claims)}; attributed: {attributed} "
          f"({100 * attributed / max(len(claims), 1):.1f} %); documents with claims: {documents}")

    sample = random.Random(args.seed).sample(range(len(claims)), min(args.n, len(claims)))
    for k, i in enumerate(sample, 1):
        claim = claims[i]
        text = texts.get(line_number(claim.get("source")), "")
        d = describe(claim)
        print(f"\n#{k} claim {i} {claim['document']}")
        for key, value in d.items():
            print(f"  {key:9} {value}")
        print(f"  evidence  {slice_bytes(text, claim['evidence'])}")


if __name__ == "__main__":
    main()
