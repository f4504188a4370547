#!/usr/bin/env bash
# End-to-end check of the Debian package on this machine (root, or sudo): installs
# packages/delegate-studio_VERSION_amd64.deb (or the file given) with apt, checks what it put where,
# runs the installed `studio --version` and `studio check` on a fresh demo database in a temporary
# HOME, starts the installed app under Xvfb until its first screen is painted and takes a
# screenshot (tests/artifacts/deb-app.png), then removes the package and checks that the user's data
# folder is still there. Exits 0 with 跳过 where there is no dpkg/apt-get (not a Debian system).
#
#   bash scripts/package.sh && bash scripts/check-deb.sh [FILE.deb]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then
  echo "跳过：本机没有 dpkg/apt-get（不是 Debian 系统），无法检查 .deb 安装包"
  exit 0
fi
version=$(node -p 'require("./tauri.conf.json").version')
deb="$(realpath "${1:-packages/delegate-studio_${version}_amd64.deb}")"
[ -f "$deb" ] || die "没有安装包 $deb：先运行 bash scripts/package.sh"
ensure_apt xvfb xauth imagemagick

fail() { printf '\033[1;31m失败：%s\033[0m\n' "$*" >&2; exit 1; }
ok() { printf '  ✓ %s\n' "$*"; }

work="$(mktemp -d)"
HOME_T="$work/home"
mkdir -p "$HOME_T"
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null || true
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  if [ "${installed:-0}" = 1 ]; then as_root apt-get remove -y -qq delegate-studio >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# The installed programs run as a fresh user would: their own HOME, no overrides.
as_user() { env -i PATH=/usr/bin:/bin HOME="$HOME_T" LANG=C.UTF-8 "$@"; }

step "安装包信息"
dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends
pkg=$(dpkg-deb -f "$deb" Package)
[ "$pkg" = delegate-studio ] || fail "包名是 $pkg，应为 delegate-studio"
dpkg-deb -f "$deb" Depends | grep -q 'libwebkit2gtk-4.1-0' || fail "Depends 缺少 libwebkit2gtk-4.1-0"
dpkg-deb -f "$deb" Depends | grep -q 'fonts-noto-cjk' || fail "Depends 缺少中文字体"
echo "  文件大小：$(du -k "$deb" | cut -f1) KiB（$(stat -c %s "$deb") 字节）；安装后：$(dpkg-deb -f "$deb" Installed-Size) KiB"

step "apt-get install $deb"
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --allow-downgrades "$deb" >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log" >&2; fail "apt-get install"; }
installed=1
dpkg -s delegate-studio | grep -q '^Status: install ok installed' || fail "dpkg 显示未安装"
ok "已安装 $(dpkg -s delegate-studio | awk '/^Version:/ {print $2}')"

files=$(dpkg -L delegate-studio)
for f in /usr/bin/studio-app /usr/bin/studio /usr/share/applications/delegate-studio.desktop; do
  grep -qx "$f" <<<"$files" || fail "包里没有 $f"
done
for s in 16 24 32 48 64 128 256 512; do
  grep -q "^/usr/share/icons/hicolor/${s}x${s}/apps/studio-app.png$" <<<"$files" || fail "没有 ${s}x${s} 图标"
done
ok "程序、studio 命令、桌面入口与 16–512 像素图标都在"
desktop=/usr/share/applications/delegate-studio.desktop
grep -qx 'Name=党代表工作室' "$desktop" || fail "桌面入口的名称不是 党代表工作室：$(grep ^Name= "$desktop")"
exec_bin=$(awk -F= '/^Exec=/ {print $2}' "$desktop")
command -v "$exec_bin" >/dev/null || fail "桌面入口的 Exec=$exec_bin 找不到"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "desktop-file-validate"; fi
ok "桌面入口：Name=党代表工作室，Exec=$exec_bin"

step "已安装的 studio 命令（临时 HOME：$HOME_T）"
got=$(as_user studio --version)
[ "$got" = "studio $version" ] || fail "studio --version 输出 $got"
ok "studio --version → $got"
as_user studio demo >/dev/null || fail "studio demo"
db=$(as_user studio paths db)
[ "$db" = "$HOME_T/.local/share/cn.delegatestudio.desktop/studio.db" ] || fail "数据库不在用户的数据目录：$db"
as_user studio check >"$work/check.txt" 2>&1 || { cat "$work/check.txt" >&2; fail "studio check"; }
sed 's/^/  /' "$work/check.txt"
ok "studio check 通过（$db）"

step "在 Xvfb 中启动已安装的程序"
display=":$((80 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
sleep 1
log="$work/app.log"
t0=$(date +%s%3N)
env -i PATH=/usr/bin:/bin HOME="$HOME_T" LANG=C.UTF-8 DISPLAY="$display" STUDIO_TRACE=1 \
  /usr/bin/"$exec_bin" 2>"$log" &
app=$!
for _ in $(seq 1 300); do grep -qs 'login-painted' "$log" && break; kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
grep -q 'login-painted' "$log" || { cat "$log" >&2; fail "程序没有画出登录界面"; }
t1=$(grep -m1 'login-painted' "$log" | awk '{print $3}')
ok "登录界面已画出（启动后 $((t1 - t0)) ms）"
if command -v xdotool >/dev/null && command -v xprop >/dev/null; then
  win=$(DISPLAY="$display" xdotool search --onlyvisible --name '党代表工作室' | head -1)
  class=$(DISPLAY="$display" xprop -id "$win" WM_CLASS | cut -d'"' -f2)
  grep -qx "StartupWMClass=$class" "$desktop" || fail "窗口的 WM_CLASS 是 $class，桌面入口的 StartupWMClass 不同"
  ok "窗口标题 党代表工作室，WM_CLASS=$class 与桌面入口一致"
fi
sleep 1
mkdir -p tests/artifacts
DISPLAY="$display" import -window root tests/artifacts/deb-app.png
ok "截图：tests/artifacts/deb-app.png"
kill "$app"; wait "$app" 2>/dev/null || true
app=""

step "apt-get remove delegate-studio：用户数据保留"
DEBIAN_FRONTEND=noninteractive as_root apt-get remove -y -qq delegate-studio >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log" >&2; fail "apt-get remove"; }
installed=0
[ ! -e /usr/bin/studio-app ] && [ ! -e /usr/bin/studio ] || fail "卸载后程序仍在"
[ -f "$db" ] || fail "卸载后用户的数据库不见了：$db"
ok "程序已卸载；数据库仍在：$db（$(du -k "$db" | cut -f1) KiB）"
echo "安装包检查通过"
