#!/usr/bin/env bash
# The 意见台账 page with 100,000 items: click → painted, in the real release window under Xvfb
# (a benchmark, not a test). RUNS=N sets the number of clicks. The generated database is kept in
# the cache folder between runs.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"

build_ui
cargo build --release -p studio-app -p studio-cli
BIN="$CARGO_TARGET_DIR/release"
DATA="$HOME/.cache/delegate-studio/bench"
mkdir -p "$DATA"
DB="$DATA/items-100k.db"
if [ ! -f "$DB" ]; then
  step "生成 100,000 件台账事项"
  "$BIN/studio" --db "$DB.tmp" demo --bulk-items 100000
  mv "$DB.tmp" "$DB"
fi
# The suite's Python environment and tauri-driver (tests/e2e/run.sh installs them).
VENV="$TOOLS_DIR/e2e-venv"
[ -x "$VENV/bin/python" ] && [ -x "$TOOLS_DIR/bin/tauri-driver" ] || {
  echo "先运行一次 bash tests/e2e/run.sh 以安装 tauri-driver 和 selenium"; exit 1; }
export PATH="$TOOLS_DIR/bin:$PATH" STUDIO_APP_BIN="$BIN/studio-app"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$DB" "$work/bench.db"
xvfb-run -a -s "-screen 0 1280x800x24" "$VENV/bin/python" scripts/bench/items-page.py "$work/bench.db"
