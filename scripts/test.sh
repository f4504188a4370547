#!/usr/bin/env bash
# Every test: formatting, lints, Rust tests (with the generated-types check), vue-tsc, Vitest, and
# the end-to-end suite that drives the real app window under Xvfb. Installs what is missing first.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
started=$(date +%s)

ensure_apt "${APT_BUILD[@]}" "${APT_RUN[@]}" "${APT_TEST[@]}"
ensure_toolchains
rustup component add clippy rustfmt >/dev/null 2>&1 || true

step "cargo fmt --check"
cargo fmt --all -- --check

# The app embeds ui/dist at compile time, so the UI is built before clippy and the app.
build_ui

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust 测试"
cargo test --workspace

step "网上工作室浏览器测试（Chromium，playwright-core + axe-core）"
bash tests/web/run.sh

step "界面类型检查（vue-tsc）与 Vitest"
(cd ui && npm run --silent typecheck && npm test --silent)

step "端到端测试（tauri-driver + WebKitWebDriver，Xvfb）"
bash tests/e2e/run.sh

echo "全部测试通过，用时 $(( $(date +%s) - started )) 秒"
