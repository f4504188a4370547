# Shared by scripts/run.sh and scripts/test.sh: install what a fresh Debian/Ubuntu machine lacks,
# pick the shared build caches, build the UI. Source it; it defines functions only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Build caches outside the clone are used when present and created when not: a warm machine
# rebuilds in seconds, a fresh one builds from scratch. Nothing depends on them existing.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/delegate-studio/target}"
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
TOOLS_DIR="${STUDIO_TOOLS_DIR:-$HOME/.cache/delegate-studio/tools}"

# What the app needs to build and run (DESIGN.md), and what the tests use to drive and check it.
APT_BUILD=(build-essential pkg-config libwebkit2gtk-4.1-dev curl)
APT_RUN=(fonts-noto-cjk)
# openbox: the kiosk's test runs under a window manager, as on a studio PC (Alt+F4 is its binding);
# xdotool and x11-utils (xprop) press real keys on the display and read the window's state.
# fonts-wqy-zenhei: a TrueType CJK font to print with in the 打印字体 tests.
APT_TEST=(xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick python3-venv openbox xdotool x11-utils fonts-wqy-zenhei)
# The online studio's browser tests (tests/web): Chromium driven by playwright-core; sqlite3 reads
# the demo database's private values the pages must never show.
APT_TEST+=(chromium sqlite3)

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
die() { printf '\033[1;31m错误：%s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "需要 root 权限安装系统软件包：$*"; fi
}

ensure_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "缺少系统软件包 ${missing[*]}，且本机没有 apt-get，请手动安装"
  step "安装系统软件包：${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_toolchains() {
  if ! command -v cargo >/dev/null; then
    [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null; then
    step "安装 Rust（rustup）"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt \
      || die "无法安装 Rust，请按 https://rustup.rs 手动安装"
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    ensure_apt nodejs npm
    [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "需要 Node.js 20 或更高版本"
  fi
}

ui_deps() {
  cd "$ROOT/ui"
  # npm ci only when the lock file changed since the last install.
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "安装界面依赖（npm ci）"
    npm ci --no-audit --no-fund --prefer-offline
  fi
  cd "$ROOT"
}

build_ui() {
  ui_deps
  step "构建界面（vite build）"
  (cd "$ROOT/ui" && npm run --silent build)
}
