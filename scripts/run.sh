#!/usr/bin/env bash
# Install what is missing, build the UI and the app (release), and open it. On first start with no
# database, the demo roster is loaded so there is something to look at.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

ensure_apt "${APT_BUILD[@]}" "${APT_RUN[@]}"
ensure_toolchains
build_ui
step "构建桌面程序（cargo build --release，首次约 5–10 分钟）"
cargo build --release -p studio-app -p studio-cli

BIN="$CARGO_TARGET_DIR/release"
DB="${STUDIO_DB:-}"
if [ -z "$DB" ]; then DB="$("$BIN/studio" paths db)"; fi
if [ ! -e "$DB" ]; then
  step "首次启动：载入演示数据到 $DB"
  "$BIN/studio" --db "$DB" demo
fi
export STUDIO_DB="$DB"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  die "没有图形界面（DISPLAY 未设置）。在桌面环境中运行，或用 xvfb-run -a bash scripts/run.sh"
fi
step "打开党代表工作室（数据库：$DB）"
exec "$BIN/studio-app"
