#!/usr/bin/env bash
# Whole-process figures for the desktop app against the floor (a benchmark, not a test), release
# builds with the same profile, demo database (which has accounts, so the desktop's first screen is
# the login), under Xvfb, RUNS runs of each (default 10), interleaved so all see the same machine:
#  - empty window (bench/empty-window: an empty Tauri 2 window with a static page): start → its
#    page's second animation frame;
#  - desktop: start → the login screen painted;
#  - kiosk (`studio-app --kiosk`): start → its home painted (the first screen: 今日接待 and the other
#    six tiles);
#  - idle memory 5 s after the paint of the empty window and of the desktop (each app plus its WebKit
#    processes), as PSS;
# then the medians and the ratios (issue 14's targets: desktop ≤ 1.5 × the empty window's start,
# desktop memory ≤ the empty window's + 40 MB).
# The UI reports "login-painted" / "kiosk-home-painted" through the app_mark command when
# STUDIO_TRACE=1, after the screen is in the DOM and two animation frames have passed; the empty
# window's page reports "empty-painted" the same way.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
RUNS="${RUNS:-10}"

# BIN=folder runs binaries built elsewhere (studio-app, studio, empty-window; nothing is built).
# BEFORE=folder also starts that folder's studio-app (an earlier build) in the same interleaved runs,
# to compare a change under the same load.
if [ -z "${BIN:-}" ]; then
  build_ui
  cargo build --release -p studio-app -p studio-cli
  # Its own workspace (not a member of ours), the same release profile and target folder.
  cargo build --release --manifest-path bench/empty-window/Cargo.toml
  BIN="$CARGO_TARGET_DIR/release"
fi
work="$(mktemp -d)"
trap 'kill "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$BIN/studio" --db "$work/bench.db" demo >/dev/null

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
sleep 1
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

pss_kb() { # PSS of a process and all its descendants, in kB; each process's to $work/pss-$2
  local total=0 pid v name
  for pid in $(pstree -pT "$1" | grep -o '([0-9]*)' | tr -d '()'); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    name=$(cat "/proc/$pid/comm" 2>/dev/null || echo gone)
    echo "$name ${v:-0}" >>"$work/pss-$2"
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

# One start of BINARY: prints the milliseconds from launch to MARK (and the UI's earlier marks on
# stderr); with MEM=1 it waits 5 s after MARK and appends the PSS in MB ("ms MB"); then stops it.
start_until() { # MARK NAME BINARY [app args...]
  local mark="$1" name="$2" bin="$3"; shift 3
  local log="$work/run.log" t0 t1 app mem=""
  t0=$(date +%s%3N)
  DISPLAY="$display" STUDIO_DB="$work/bench.db" STUDIO_TRACE=1 "$bin" "$@" 2>"$log" &
  app=$!
  for _ in $(seq 1 500); do grep -q "$mark" "$log" && break; sleep 0.02; done
  t1=$(grep -m1 "$mark" "$log" | awk '{print $3}')
  [ -n "$t1" ] || { echo "$mark never came" >&2; cat "$log" >&2; kill "$app"; exit 1; }
  awk -v t0="$t0" '/studio-trace/ {printf "  %s +%d ms", $2, $3 - t0} END {print ""}' "$log" >&2
  # Each mark's time from launch, for the medians of the breakdown at the end.
  awk -v t0="$t0" '/studio-trace/ {print $2, $3 - t0}' "$log" >>"$work/marks-$name"
  if [ "${MEM:-0}" = 1 ]; then sleep 5; mem=" $(( $(pss_kb "$app" "$name") / 1024 ))"; fi
  kill "$app"; wait "$app" 2>/dev/null || true
  echo "$((t1 - t0))$mem"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sorted() { printf '%s\n' "$@" | sort -n | tr '\n' ' '; }

empty_ms=(); empty_mb=(); desk_ms=(); desk_mb=(); kiosk=(); before_ms=(); before_mb=(); before_kiosk=()
for i in $(seq 1 "$RUNS"); do
  echo "run $i/$RUNS" >&2
  read -r ms mb < <(MEM=1 start_until empty-painted empty "$BIN/empty-window")
  empty_ms+=("$ms"); empty_mb+=("$mb")
  read -r ms mb < <(MEM=1 start_until login-painted desktop "$BIN/studio-app")
  desk_ms+=("$ms"); desk_mb+=("$mb")
  kiosk+=("$(start_until kiosk-home-painted kiosk "$BIN/studio-app" --kiosk)")
  if [ -n "${BEFORE:-}" ]; then
    read -r ms mb < <(MEM=1 start_until login-painted before "$BEFORE/studio-app")
    before_ms+=("$ms"); before_mb+=("$mb")
    before_kiosk+=("$(start_until kiosk-home-painted before-kiosk "$BEFORE/studio-app" --kiosk)")
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

e=$(median "${empty_ms[@]}"); d=$(median "${desk_ms[@]}")
em=$(median "${empty_mb[@]}"); dm=$(median "${desk_mb[@]}")
echo "empty window: start → page painted (ms), $RUNS runs: $(sorted "${empty_ms[@]}")"
echo "  median: $e ms"
echo "desktop: start → login screen painted (ms), $RUNS runs: $(sorted "${desk_ms[@]}")"
echo "  median: $d ms"
echo "kiosk: start → home painted (ms), $RUNS runs: $(sorted "${kiosk[@]}")"
echo "  median: $(median "${kiosk[@]}") ms"
echo "idle PSS 5 s after paint (app + WebKit processes, MB): empty window $(sorted "${empty_mb[@]}")"
echo "  median: $em MB"
echo "idle PSS 5 s after paint (app + WebKit processes, MB): desktop $(sorted "${desk_mb[@]}")"
echo "  median: $dm MB"
awk -v d="$d" -v e="$e" 'BEGIN {printf "start ratio desktop / empty window: %.2f × (target ≤ 1.5)\n", d / e}'
echo "memory desktop − empty window: $((dm - em)) MB (target ≤ +40 MB)"
if [ -n "${BEFORE:-}" ]; then
  b=$(median "${before_ms[@]}"); bm=$(median "${before_mb[@]}")
  echo "before ($BEFORE): desktop start → login painted (ms): $(sorted "${before_ms[@]}")"
  echo "  median: $b ms; kiosk median: $(median "${before_kiosk[@]}") ms; idle PSS (MB): $(sorted "${before_mb[@]}")"
  awk -v b="$b" -v e="$e" -v bm="$bm" -v em="$em" \
    'BEGIN {printf "  before: %.2f × the empty window, %+d MB\n", b / e, bm - em}'
fi
# Where the time and the memory go: each mark's median time from launch (the backend's steps from
# src-tauri/src/trace.rs, the page's through app_mark), and each process's median PSS.
breakdown() { # NAME
  [ -f "$work/marks-$1" ] || return 0
  echo "$1: marks, median ms from launch:"
  awk '{v[$1] = v[$1] " " $2; if (!($1 in seen)) {seen[$1] = 1; order[++n] = $1}}
       END {for (i = 1; i <= n; i++) print order[i], v[order[i]]}' "$work/marks-$1" |
    while read -r label values; do
      # shellcheck disable=SC2086
      printf '  %-20s %6s\n' "$label" "$(median $values)"
    done
  [ -f "$work/pss-$1" ] || return 0
  echo "$1: PSS per process name, mean MB over the runs:"
  awk '{sum[$1] += $2} END {for (p in sum) print p}' "$work/pss-$1" | sort | while read -r p; do
    printf '  %-24s %5s\n' "$p" "$(awk -v p="$p" -v runs="$RUNS" '$1 == p {s += $2} END {printf "%.0f", s / runs / 1024}' "$work/pss-$1")"
  done
}
for name in empty desktop kiosk before before-kiosk; do breakdown "$name"; done
echo "load average (1, 5, 15 min): before $load_before, after $load_after; $(nproc) CPUs"
