#!/usr/bin/env bash
# The online studio's browser tests: build `studio`, make a demo database, start `studio serve` on
# a free port, run the tests in Chromium (playwright-core + axe-core, tests/web/*.test.mjs), stop
# the server. Needs /usr/bin/chromium (scripts/test.sh installs it) and Node.js 20+.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/common.sh"
cd "$ROOT"

step "构建 studio（网上工作室浏览器测试）"
cargo build -q -p studio-cli
STUDIO="$CARGO_TARGET_DIR/debug/studio"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$STUDIO" --db "$WORK/demo.db" demo >/dev/null
# What no public page may show: every writer's phone, and each delegate's mobile number that is
# not published (no consent, or the mobile not ticked).
sqlite3 -json "$WORK/demo.db" "
  SELECT person_phone AS v FROM items WHERE person_phone <> ''
  UNION SELECT mobile FROM delegates WHERE mobile <> ''
    AND (publish_consent = 0 OR coalesce(json_extract(publish, '\$.mobile'), 0) = 0)" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify((s.trim()?JSON.parse(s):[]).map(r=>r.v))))' \
  > "$WORK/secrets.json"

"$STUDIO" --db "$WORK/demo.db" serve --addr 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  grep -q '已启动：' "$WORK/serve.out" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; die "studio serve 未能启动"; }
  sleep 0.1
done
URL="$(sed -n 's/^已启动：//p' "$WORK/serve.out" | head -1)"
[ -n "$URL" ] || die "studio serve 没有报告地址"

cd "$ROOT/tests/web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "安装浏览器测试依赖（npm ci）"
  npm ci --no-audit --no-fund --prefer-offline
fi
step "浏览器测试（Chromium）：$URL"
STUDIO_URL="$URL" STUDIO_SECRETS="$WORK/secrets.json" \
  node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
