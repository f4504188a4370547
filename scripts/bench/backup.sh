#!/usr/bin/env bash
# A backup of a large studio as a whole process (a benchmark, not a test): `studio backup --out` on a
# database with 100,000 ledger items (`studio demo --bulk-items`) and 1,000 photos of ~100 KB with
# their ~6 KB thumbnails in the files folder (random bytes: as incompressible as JPEGs), release
# build, RUNS runs (default 3); issue 12's target is ≤ 10 s. Each run is the whole command: start,
# open the database, online backup into a temporary file, the zip with every file hashed (SHA-256),
# the manifest, fsync, rename. Then one `studio restore` of the archive into an empty folder (checked
# entry by entry, integrity_check) for information, and the archive checked with Python's zipfile.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
RUNS="${RUNS:-3}"
ITEMS="${ITEMS:-100000}"
PHOTOS="${PHOTOS:-1000}"

# PROFILE=profiling: the release build with symbols, in its own folder (another worktree's release
# build sharing the target folder cannot replace it mid-run).
PROFILE="${PROFILE:-release}"
cargo build --profile "$PROFILE" -p studio-cli
BIN="$CARGO_TARGET_DIR/$PROFILE"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
t0=$(date +%s%N)
"$BIN/studio" --db "$work/bench.db" demo --bulk-items "$ITEMS" >/dev/null
echo "demo --bulk-items $ITEMS: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
photos="$("$BIN/studio" --db "$work/bench.db" paths files)/photos"
mkdir -p "$photos"
for i in $(seq 1 "$PHOTOS"); do
  head -c $((90000 + RANDOM % 20000)) /dev/urandom >"$photos/bench-$i.jpg"
  head -c $((5000 + RANDOM % 2000)) /dev/urandom >"$photos/thumb-bench-$i.jpg"
done
sync
echo "database: $(du -h "$work/bench.db" | cut -f1), files folder: $(du -sh "$photos" | cut -f1) in $(ls "$photos" | wc -l) files"
uptime
times=()
for r in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  "$BIN/studio" --db "$work/bench.db" backup --out "$work/backup-$r.zip" >/dev/null
  times+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
echo "archive: $(du -h "$work/backup-1.zip" | cut -f1)"
echo "studio backup --out (ms), $RUNS runs: $(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')"
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
t0=$(date +%s%N)
"$BIN/studio" --db "$work/restored/bench.db" restore "$work/backup-1.zip" >/dev/null
echo "studio restore into an empty folder: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
python3 -m zipfile -t "$work/backup-1.zip" >/dev/null && echo "zipfile -t: ok"
uptime
