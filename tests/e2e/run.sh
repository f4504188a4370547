#!/usr/bin/env bash
# Build the debug app (test build), then drive its real window through tauri-driver + WebKitWebDriver under Xvfb.
# Screenshots land in tests/artifacts/.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/common.sh"
cd "$ROOT"

# The test build: the `e2e` feature makes the app save to STUDIO_E2E_SAVE_DIR (and restore from
# STUDIO_E2E_OPEN_FILE) instead of opening a native dialog, and registers `debug_panic`.
cargo build -p studio-app --features e2e -p studio-cli
export STUDIO_APP_BIN="$CARGO_TARGET_DIR/debug/studio-app"
export STUDIO_CLI_BIN="$CARGO_TARGET_DIR/debug/studio"

# tauri-driver: installed once into the tools folder (outside the clone).
if [ ! -x "$TOOLS_DIR/bin/tauri-driver" ]; then
  step "安装 tauri-driver"
  cargo install tauri-driver --locked --root "$TOOLS_DIR"
fi
export PATH="$TOOLS_DIR/bin:$PATH"

VENV="$TOOLS_DIR/e2e-venv"
if [ ! -x "$VENV/bin/pytest" ] || ! cmp -s tests/e2e/requirements.txt "$VENV/requirements.txt"; then
  step "准备 Python 测试环境（selenium, pytest）"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r tests/e2e/requirements.txt
  cp tests/e2e/requirements.txt "$VENV/requirements.txt"
fi

mkdir -p tests/artifacts
# xvfb-run gives the app and WebKitWebDriver a display; the suite starts tauri-driver itself.
xvfb-run -a -s "-screen 0 1280x800x24" "$VENV/bin/pytest" -q tests/e2e "$@"
