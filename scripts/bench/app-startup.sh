#!/usr/bin/env bash
# Whole-process figures for the desktop app (a benchmark, not a test):
#  - start to the roster painted (release build, demo database, under Xvfb), over RUNS runs;
#  - idle memory of the whole app (the app plus its WebKit processes), as PSS.
# The UI reports "roster-painted" through the app_mark command when STUDIO_TRACE=1, after the
# first page of the roster is in the DOM and two animation frames have passed.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
RUNS="${RUNS:-5}"

build_ui
cargo build --release -p studio-app -p studio-cli
BIN="$CARGO_TARGET_DIR/release"
work="$(mktemp -d)"
trap 'kill "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$BIN/studio" --db "$work/bench.db" demo >/dev/null

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
sleep 1

pss_kb() { # PSS of a process and all its descendants, in kB
  local total=0 pid
  for pid in $(pstree -pT "$1" | grep -o '([0-9]*)' | tr -d '()'); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

times=()
for i in $(seq 1 "$RUNS"); do
  log="$work/run$i.log"
  t0=$(date +%s%3N)
  DISPLAY="$display" STUDIO_DB="$work/bench.db" STUDIO_TRACE=1 "$BIN/studio-app" 2>"$log" &
  app=$!
  for _ in $(seq 1 300); do grep -q 'roster-painted' "$log" && break; sleep 0.02; done
  t1=$(grep -m1 'roster-painted' "$log" | awk '{print $3}')
  [ -n "$t1" ] || { echo "run $i: the roster did not paint"; cat "$log"; exit 1; }
  times+=($((t1 - t0)))
  # The UI's earlier marks, relative to the launch: where the time goes.
  awk -v t0="$t0" '/studio-trace/ {printf "  %s +%d ms", $2, $3 - t0} END {print ""}' "$log"
  if [ "$i" = "$RUNS" ]; then
    sleep 5
    echo "idle PSS (app + WebKit processes): $(( $(pss_kb "$app") / 1024 )) MB"
    pstree -pT "$app" | head -5
  fi
  kill "$app"; wait "$app" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "start → roster painted (ms), $RUNS runs: $(echo $sorted | tr '\n' ' ')"
echo "median: $(printf '%s\n' $sorted | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
