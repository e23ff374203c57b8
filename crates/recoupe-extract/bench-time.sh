#!/bin/sh
# Time expressions: recoupe vs the peer's dateparser pass, same corpus, same core, one run.
# Usage: crates/recoupe-extract/bench-time.sh [corpus] [peer venv]
# The peer venv needs `pip install dateparser text2num`. peer.py imports spaCy even when only
# the dates stage runs; if spaCy is not installed, a stand-in module is put on PYTHONPATH
# (it is never called for --stages dates, and imports are outside the timed section).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${1:-$root/../shared/corpora/fr-press-1122.jsonl}
venv=${2:-$root/../peer-venv-time}
peer=$root/../shared/peer/peer.py
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cd "$root"
cargo build --release -q -p recoupe-extract --example time_throughput
taskset -c 0 "$root/target/release/examples/time_throughput" "$corpus"
stub=""
if ! "$venv/bin/python" -c "import spacy" 2>/dev/null; then
  stub=$(mktemp -d)
  echo "# stand-in, unused by the dates stage" > "$stub/spacy.py"
fi
PYTHONPATH="$stub" taskset -c 0 "$venv/bin/python" "$peer" "$corpus" --stages dates --out /dev/null
