#!/usr/bin/env bash
# The crash harness (crates/studio-core/tests/crash.rs) at benchmark length: TRIALS SIGKILLs
# (default 200) of a process committing database writes, and as many of one saving a file, in a
# release build; plus the full-disk check. Prints the totals: kills, acknowledged writes, the
# checks of them (every acknowledged id is checked again after each later kill), failures.
# STUDIO_CRASH_SEED=N repeats a run's delays and sizes (printed below).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
TRIALS="${TRIALS:-200}"

cargo test --release -p studio-core --test crash --no-run
load_before="$(uptime)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
STUDIO_CRASH_TRIALS="$TRIALS" cargo test --release -p studio-core --test crash -- --nocapture 2>&1 \
  | tee "$log" | grep -E '^(crash |CRASH-SUMMARY|full disk:|test |test result)'
status=${PIPESTATUS[0]}
set -e

echo
echo "load before: ${load_before#*load average: }   after: $(uptime | sed 's/.*load average: //')"
awk -v trials="$TRIALS" '
  /^CRASH-SUMMARY/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%-5s %4d kills  %6d acknowledged  %8d checks  %d failures  %.1f s  seed %s\n",
      v["mode"], v["trials"], v["acknowledged"], v["checks"], v["failures"], v["seconds"], v["seed"]
    if (v["mode"] == "db")
      printf "      killed before the database was open: %d; committed but not yet acknowledged: %d\n",
        v["killed_before_open"], v["unacknowledged_commits"]
    if (v["mode"] == "file")
      printf "      killed mid-save (a temporary left, then cleaned): %d; saved but not yet acknowledged: %d\n",
        v["killed_mid_save"], v["unacknowledged_saves"]
    kills += v["trials"]; acked += v["acknowledged"]; checks += v["checks"]; fails += v["failures"]; modes++
  }
  END {
    if (modes < 2) { print "missing results: a test stopped before its summary"; fails++ }
    printf "total %4d kills  %6d acknowledged  %8d checks  %d failures\n", kills, acked, checks, fails
  }' "$log"
grep -m1 '^full disk:' "$log" || echo "full disk: no result"
exit "$status"
