#!/usr/bin/env bash
# Whole-process figures for the desktop app (a benchmark, not a test), release build, demo database
# (which has accounts, so the desktop's first screen is the login), under Xvfb, RUNS runs of each,
# interleaved so both sides see the same machine:
#  - desktop: start → the login screen painted;
#  - kiosk (`studio-app --kiosk`): start → its home painted (the first screen: 今日接待 and the other
#    six tiles);
#  - idle memory of the whole desktop app (the app plus its WebKit processes), as PSS.
# The UI reports "login-painted" / "kiosk-home-painted" through the app_mark command when
# STUDIO_TRACE=1, after the screen is in the DOM and two animation frames have passed.
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

# One start: prints the milliseconds from launch to MARK (and the UI's earlier marks on stderr);
# stops the app, or, with KEEP=1, leaves its pid in $work/app.pid.
start_until() { # MARK [app args...]
  local mark="$1"; shift
  local log="$work/run.log" t0 t1 app
  t0=$(date +%s%3N)
  DISPLAY="$display" STUDIO_DB="$work/bench.db" STUDIO_TRACE=1 "$BIN/studio-app" "$@" 2>"$log" &
  app=$!
  for _ in $(seq 1 500); do grep -q "$mark" "$log" && break; sleep 0.02; done
  t1=$(grep -m1 "$mark" "$log" | awk '{print $3}')
  [ -n "$t1" ] || { echo "$mark never came" >&2; cat "$log" >&2; kill "$app"; exit 1; }
  awk -v t0="$t0" '/studio-trace/ {printf "  %s +%d ms", $2, $3 - t0} END {print ""}' "$log" >&2
  if [ "${KEEP:-0}" = 1 ]; then echo "$app" >"$work/app.pid"; else kill "$app"; wait "$app" 2>/dev/null || true; fi
  echo $((t1 - t0))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

desk=(); kiosk=()
for i in $(seq 1 "$RUNS"); do
  desk+=("$(start_until login-painted)")
  kiosk+=("$(start_until kiosk-home-painted --kiosk)")
done
echo "desktop: start → login screen painted (ms), $RUNS runs: $(printf '%s\n' "${desk[@]}" | sort -n | tr '\n' ' ')"
echo "  median: $(median "${desk[@]}") ms"
echo "kiosk: start → home painted (ms), $RUNS runs: $(printf '%s\n' "${kiosk[@]}" | sort -n | tr '\n' ' ')"
echo "  median: $(median "${kiosk[@]}") ms"

KEEP=1 start_until login-painted >/dev/null
app=$(cat "$work/app.pid")
sleep 5
echo "idle PSS 5 s after the login screen (app + WebKit processes): $(( $(pss_kb "$app") / 1024 )) MB"
kill "$app"; wait "$app" 2>/dev/null || true
