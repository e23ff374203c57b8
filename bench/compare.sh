#!/usr/bin/env bash
# Whole-pipeline throughput of recoupe beside the peer Python pipeline (spaCy fr_core_news_sm
# + text2num + dateparser, ../shared/peer), on the 1,122-article press corpus, one core each,
# alternating runs so both see the same machine load. Prints one line per run; compare the
# ratio, not the absolute figures (the machines are shared and noisy).
#
#   bench/compare.sh [ROUNDS] [PEER_PYTHON]
#
# PEER_PYTHON is a Python with the peer's packages (see ../shared/peer/README.md), by default
# /work/peer-venv/bin/python.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
python=${2:-/work/peer-venv/bin/python}
shared=../shared
corpus=$shared/corpora/fr-press-1122.jsonl
[ -f "$corpus" ] || { echo "skipped: $corpus not found"; exit 0; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cargo build --release -q -p recoupe-cli
mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]))/1e6)" "$corpus")
for r in $(seq "$rounds"); do
  start=$(date +%s.%N)
  taskset -c 0 target/release/recoupe extract --quiet "$corpus" > /dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'recoupe extract (whole process, all annotators): {s:.2f}s, {float(sys.argv[3])/s:.2f} MB/s')" "$start" "$end" "$mb"
  if [ -x "$python" ]; then
    (cd "$shared/peer" && taskset -c 0 "$python" peer.py ../corpora/fr-press-1122.jsonl --stages ner,numbers,dates --out /dev/null 2>&1 >/dev/null | grep '^peer:' || true)
  else
    echo "peer: $python not found (set up ../shared/peer first)"
  fi
done
