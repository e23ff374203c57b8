#!/usr/bin/env python3
"""Compares inferred document dates with the dates written in the documents' URLs.

    cargo run --release -p recoupe-extract --example time_infer_corpus -- CORPUS > inferred.jsonl
    python3 crates/recoupe-extract/eval-time-infer.py CORPUS inferred.jsonl

Prints, per confidence band, how many inferred dates fall 0-7 days before the URL's date
(the publication day or the week before it), within a month, within a year.
"""
import datetime
import json
import re
import sys

URL_DATES = [r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/", r"/(20\d\d)(\d\d)/(\d\d)/", r"(20\d\d)-(\d\d)-(\d\d)",
             r"/(20\d\d)(\d\d)(\d\d)"]


def url_date(url):
    for pattern in URL_DATES:
        m = re.search(pattern, url or "")
        if m:
            try:
                return datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
    return None


def main(corpus, inferred):
    urls = {}
    for line in open(corpus, encoding="utf-8"):
        doc = json.loads(line)
        urls[doc.get("id")] = doc.get("url")
    rows, n_inferred, n_url = [], 0, 0
    for line in open(inferred, encoding="utf-8"):
        r = json.loads(line)
        known = url_date(urls.get(r["id"]))
        n_inferred += bool(r["date"])
        n_url += bool(known)
        if known and r["date"]:
            rows.append(((known - datetime.date.fromisoformat(r["date"])).days, r["confidence"]))
    print(f"documents {len(urls)}, inferred {n_inferred}, URL-dated {n_url}, both {len(rows)}")
    for lo, hi in [(0, 0.3), (0.3, 0.6), (0.6, 1.01)]:
        gaps = [g for g, c in rows if lo <= c < hi]
        if gaps:
            print(f"confidence [{lo}, {hi}): n={len(gaps)}, 0-7 days before: {sum(0 <= g <= 7 for g in gaps)}, "
                  f"within 31 days: {sum(abs(g) <= 31 for g in gaps)}, within a year: {sum(abs(g) <= 365 for g in gaps)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
