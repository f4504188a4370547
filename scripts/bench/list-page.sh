#!/usr/bin/env bash
# A long list's page: click → painted, in the real release window under Xvfb (a benchmark, not a
# test). LIST is items (意见台账, 100,000 items), cards (记录卡, 100,000 cards on an 800-delegate
# roster) or roster (党代表名册, 10,000 delegates). RUNS=N sets the number of clicks. The generated
# database is kept in the cache folder between runs. BIN=folder runs binaries built elsewhere
# (then nothing is built); BEFORE=folder also starts that folder's studio-app (an earlier build),
# its clicks alternating with this build's.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
LIST="${1:?用法：list-page.sh items|cards|roster}"

if [ -z "${BIN:-}" ]; then
  build_ui
  cargo build --release -p studio-app -p studio-cli
  BIN="$CARGO_TARGET_DIR/release"
fi
DATA="$HOME/.cache/delegate-studio/bench"
mkdir -p "$DATA"
case "$LIST" in
  items) DB="$DATA/items-100k.db"; MAKE=(demo --bulk-items 100000) ;;
  cards) DB="$DATA/cards-100k.db"; MAKE=(demo --bulk-roster 800 --bulk-cards 100000) ;;
  roster) DB="$DATA/roster-10k.db"; MAKE=(demo --bulk-roster 10000) ;;
  *) die "未知的列表：$LIST（items、cards 或 roster）" ;;
esac
if [ ! -f "$DB" ]; then
  step "生成性能测试数据：${MAKE[*]}"
  rm -f "$DB.tmp"
  "$BIN/studio" --db "$DB.tmp" "${MAKE[@]}"
  # Everything into the one file before it is renamed (the WAL's name follows the database's).
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()' "$DB.tmp"
  rm -f "$DB.tmp-wal" "$DB.tmp-shm"
  mv "$DB.tmp" "$DB"
fi
# The suite's Python environment and tauri-driver (tests/e2e/run.sh installs them).
VENV="$TOOLS_DIR/e2e-venv"
[ -x "$VENV/bin/python" ] && [ -x "$TOOLS_DIR/bin/tauri-driver" ] || {
  echo "先运行一次 bash tests/e2e/run.sh 以安装 tauri-driver 和 selenium"; exit 1; }
export PATH="$TOOLS_DIR/bin:$PATH" STUDIO_APP_BIN="$BIN/studio-app"
[ -z "${BEFORE:-}" ] || export BEFORE_APP="$BEFORE/studio-app"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$DB" "$work/bench.db"
echo "load average before (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
xvfb-run -a -s "-screen 0 1280x800x24" "$VENV/bin/python" scripts/bench/list-page.py "$LIST" "$work/bench.db"
echo "load average after (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
