#!/usr/bin/env bash
# The window's answer to a click while a batch PDF of over 1,000 filled cards renders (a benchmark,
# not a test): the real release window under Xvfb, clicks 工作台 → 意见台账 timed in the page (first
# response, and the ledger painted), interleaved: one click with nothing running, one while the
# batch renders.
# RUNS=N sets the number of pairs.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"

build_ui
cargo build --release -p studio-app -p studio-cli
BIN="$CARGO_TARGET_DIR/release"
VENV="$TOOLS_DIR/e2e-venv"
[ -x "$VENV/bin/python" ] && [ -x "$TOOLS_DIR/bin/tauri-driver" ] || {
  echo "先运行一次 bash tests/e2e/run.sh 以安装 tauri-driver 和 selenium"; exit 1; }
export PATH="$TOOLS_DIR/bin:$PATH" STUDIO_APP_BIN="$BIN/studio-app"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$BIN/studio" --db "$work/bench.db" demo >/dev/null
"$BIN/studio" --db "$work/bench.db" demo --bulk-cards 1000
uptime
xvfb-run -a -s "-screen 0 1280x800x24" "$VENV/bin/python" scripts/bench/click-during-batch.py "$work/bench.db"
