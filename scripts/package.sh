#!/usr/bin/env bash
# Build the Debian package with Tauri's bundler: delegate-studio_VERSION_amd64.deb in packages/.
# It holds the app (/usr/bin/studio-app, the desktop entry 党代表工作室, the icon in every size) and
# the `studio` command (/usr/bin/studio). Release build; a warm cache rebuilds in a few minutes.
#
# The package name comes from tauri.linux.conf.json (productName `delegate-studio`: dpkg accepts
# only ASCII names), the desktop entry's Name from packaging/linux/delegate-studio.desktop.
# The `studio` binary is added here, not in tauri.conf.json, because its path depends on
# CARGO_TARGET_DIR (a --config JSON merge patch adds it to bundle.linux.deb.files).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
OUT="${OUT:-$ROOT/packages}"

ensure_apt "${APT_BUILD[@]}"
ensure_toolchains
build_ui

# The same cargo build as scripts/run.sh and the benchmarks (so they share its artifacts), then
# `tauri bundle` packages the binaries it made (`tauri build` would compile the app again alone).
step "构建桌面程序与命令行工具（cargo build --release）"
cargo build --release -p studio-app -p studio-cli
BIN="$CARGO_TARGET_DIR/release"

step "打包（tauri bundle --bundles deb）"
files=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/studio":"%s"}}}}}' "$BIN/studio")
TAURI_APP_PATH=src-tauri "$ROOT/ui/node_modules/.bin/tauri" bundle --bundles deb --config "$files"

version=$(node -p 'require("./tauri.conf.json").version')
deb="$BIN/bundle/deb/delegate-studio_${version}_amd64.deb"
[ -f "$deb" ] || die "没有生成安装包：$deb"
mkdir -p "$OUT"
cp "$deb" "$OUT/"
step "安装包：$OUT/$(basename "$deb")（$(du -h "$deb" | cut -f1)）"
