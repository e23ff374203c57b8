"""Draws a random sample of the checks of a ledger (JSON from `recoupe analyze --format json`)
for judging by hand; prints each check's kind, explanation and its claims' evidence.
Standard library only.

    python3 bench/ledger-checks-sample.py LEDGER.json --seed 20261123 --n 20
"""
import argparse
import json
import random

ap = argparse.ArgumentParser()
ap.add_argument("ledger")
ap.add_argument("--seed", type=int, default=20261123)
ap.add_argument("--n", type=int, default=20)
a = ap.parse_args()
ledger = json.load(open(a.ledger, encoding="utf-8"))
checks = ledger["checks"]
rng = random.Random(a.seed)
for n, i in enumerate(rng.sample(range(len(checks)), min(a.n, len(checks))), 1):
    check = checks[i]
    print(f"## {n} [check {i}] {check['kind']}")
    print(check["explanation"])
    for cid in check["claims"][:3]:
        c = ledger["claims"][cid]
        evidence = (c.get("evidence") or "").replace("\n", " ")
        print("   -", c["figure"], "|", c.get("counted"), "|", c.get("predicate"), "|", c.get("window"), "|", evidence[:200])
