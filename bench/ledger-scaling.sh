#!/usr/bin/env bash
# Ledger scaling: `recoupe analyze` on 1×, 2×, 4× and 8× the 1,122-article press corpus.
#
#     cargo build --release -p recoupe-cli
#     bash bench/ledger-scaling.sh [CORPUS] [WORKDIR]
#
# Copy k of every record gets a new id ("press-00229~k") and a new url ("…?copy=k"); the text
# is left as it is. A new id keeps the documents apart in the ledger, a new url keeps copy k
# from being read as the same page. The identical texts are kept on purpose: it is the worst
# case for text reuse and stories (every article has k-1 word-for-word twins, as a wire story
# republished by many sites does), so growth measured here is an upper bound for a corpus
# of distinct articles of the same size.
#
# Prints, per size: documents, wall clock, user CPU, CPU share and peak memory
# (`/usr/bin/time -v`), with the threads rayon chose (RAYON_NUM_THREADS to change it).
set -euo pipefail
corpus=${1:-../shared/corpora/fr-press-1122.jsonl}
work=${2:-${TMPDIR:-/tmp}/recoupe-ledger-scaling}
bin=${RECOUPE:-target/release/recoupe}
mkdir -p "$work"
printf '| copies | documents | wall clock (s) | user CPU (s) | CPU | peak RSS (MB) |\n'
printf '|---|---|---|---|---|---|\n'
for n in 1 2 4 8; do
  input="$work/press-x$n.jsonl"
  python3 - "$corpus" "$input" "$n" <<'PY'
import json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
records = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    for k in range(n):
        for r in records:
            r = dict(r)
            if k:
                r["id"] = f"{r['id']}~{k}"
                if r.get("url"):
                    r["url"] = f"{r['url']}?copy={k}"
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
  docs=$(wc -l < "$input")
  /usr/bin/time -v "$bin" analyze --quiet --format json "$input" > "$work/ledger-x$n.json" 2> "$work/time-x$n.txt"
  wall=$(grep 'Elapsed (wall clock)' "$work/time-x$n.txt" | awk '{print $NF}')
  user=$(grep 'User time' "$work/time-x$n.txt" | awk '{print $NF}')
  cpu=$(grep 'Percent of CPU' "$work/time-x$n.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$work/time-x$n.txt" | awk '{printf "%.0f", $NF/1024}')
  secs=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(round(sum(float(x)*60**i for i,x in enumerate(reversed(p))),2))" "$wall")
  printf '| %s× | %s | %s | %s | %s | %s |\n' "$n" "$docs" "$secs" "$user" "$cpu" "$rss"
done
