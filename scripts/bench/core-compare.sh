#!/usr/bin/env bash
# Issue 8: "the existing roster, card and item benches must not get slower". The criterion benches
# of studio-core (roster, items) and studio-print (card) built at BEFORE (default 581ae9f, the
# last commit before the front door) and at this checkout, each built once, then run interleaved
# ROUNDS times (before, after, before, after, …) on this machine; prints each bench's median per
# build and after/before. Run it on a quiet machine: the load average is printed.
#
#   bash scripts/bench/core-compare.sh        # BEFORE=581ae9f ROUNDS=2 MEASURE=3 BENCHES="roster items card"
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
BEFORE="${BEFORE:-581ae9f}"
ROUNDS="${ROUNDS:-2}"
MEASURE="${MEASURE:-3}"
BENCHES="${BENCHES:-roster items card}"

WORK="$(mktemp -d)"
cleanup() { git worktree remove --force "$WORK/src-before" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
git worktree add -q --detach "$WORK/src-before" "$BEFORE"

# Build the benches of the tree in $1 and copy their executables to $2 (the shared target dir
# holds one build at a time).
build() {
  local src="$1" out="$2" b pkg
  mkdir -p "$out"
  for b in $BENCHES; do
    pkg=studio-core; [ "$b" = card ] && pkg=studio-print
    (cd "$src" && cargo bench -q --no-run -p "$pkg" --bench "$b" --message-format=json 2>/dev/null) |
      python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["kind"] == ["bench"]:
        print(m["executable"])' | while read -r exe; do cp "$exe" "$out/$b"; done
    [ -x "$out/$b" ] || die "没有构建出基准 $b（$src）"
  done
}
step "构建 $BEFORE 的基准"
build "$WORK/src-before" "$WORK/before"
step "构建当前的基准"
build "$ROOT" "$WORK/after"

echo "负载（开始）：$(uptime)"
export CRITERION_HOME="$WORK/criterion"
for round in $(seq 1 "$ROUNDS"); do
  for who in before after; do
    for b in $BENCHES; do
      step "第 $round 轮 $who $b"
      # Each bench builds its data in its own process; the working directory is the crate's.
      pkg=crates/studio-core; [ "$b" = card ] && pkg=crates/studio-print
      src="$ROOT"; [ "$who" = before ] && src="$WORK/src-before"
      (cd "$src/$pkg" && "$WORK/$who/$b" --bench --noplot --warm-up-time 1 --measurement-time "$MEASURE") \
        >"$WORK/$who-$b-$round.txt" 2>&1 || die "$who $b 失败：$(tail -5 "$WORK/$who-$b-$round.txt")"
    done
  done
done
echo "负载（结束）：$(uptime)"

python3 - "$WORK" "$ROUNDS" $BENCHES <<'PY'
import re, statistics, sys
work, rounds, benches = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
unit = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0}
def medians(path):
    out, name = {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(\S.*?)\s*time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]", line)
        if m:
            out[(m.group(1).strip() or name)] = float(m.group(2)) * unit[m.group(3)]
            continue
        m = re.match(r"^\s+time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]", line)
        if m and name:
            out[name] = float(m.group(1)) * unit[m.group(2)]
        elif line.strip() and not line.startswith(" ") and not line.startswith("Benchmarking") \
                and not line.startswith(("Found", "Gnuplot", "Warning", "WARNING")):
            name = line.strip()
    return out
print(f"\n{'基准':<52} {'之前 ms':>10} {'现在 ms':>10} {'现在/之前':>9}")
for b in benches:
    runs = {w: [medians(f"{work}/{w}-{b}-{r}.txt") for r in range(1, rounds + 1)] for w in ("before", "after")}
    names = [n for n in runs["after"][0] if n in runs["before"][0]]
    for n in names:
        bf = statistics.median(r[n] for r in runs["before"] if n in r)
        af = statistics.median(r[n] for r in runs["after"] if n in r)
        print(f"{(b + ': ' + n)[:52]:<52} {bf:>10.3f} {af:>10.3f} {af / bf:>9.2f}")
PY
