#!/usr/bin/env bash
# The wall poster as a whole process (a benchmark, not a test): `studio schedule pdf` on the demo
# database, release build, RUNS runs (default 20); issue 10's target is ≤ 50 ms. Each run is the
# whole command: start, open the database, read the month, lay out, write the PDF, mark it printed.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
RUNS="${RUNS:-20}"

cargo build --release -p studio-cli
BIN="$CARGO_TARGET_DIR/release"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$BIN/studio" --db "$work/bench.db" demo >/dev/null
month=$(date +%Y-%m)
uptime
times=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  "$BIN/studio" --db "$work/bench.db" schedule pdf --month "$month" -o "$work/poster.pdf" >/dev/null
  times+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
pdfinfo "$work/poster.pdf" | grep -E "Pages|Page size"
echo "studio schedule pdf --month $month (ms), $RUNS runs: $(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')"
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
