#!/usr/bin/env bash
# The online studio under load (issue 13): `studio serve` (release build) on the demo database on
# loopback, against nginx serving the same pages saved as static files, interleaved in the same
# run: requests/s and p99 at 64 connections for the home page and 代表风采; then 有事找代表
# submissions (POST /message with a valid CSRF cookie/token pair) at up to 200/s for 30 s, and the
# messages counted in the database afterwards against the 2xx/redirect answers.
#
# The benchmark's configuration sets the spam limits out of the way (per_ip, per_phone and
# challenge_after = 1,000,000 in a 1-second window); each request carries its own phone number,
# since the core's own bound (one message per phone per minute) is not configurable.
#
#   bash scripts/bench/server.sh    # ROUNDS=2 DURATION=10 RATE_SECONDS=30 MSG_CONNECTIONS=30 MSG_DELAY_MS=140
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-10}"
RATE_SECONDS="${RATE_SECONDS:-30}"

ensure_apt wrk nginx-light curl sqlite3
step "构建 studio（release）"
cargo build -q --release -p studio-cli
STUDIO="$CARGO_TARGET_DIR/release/studio"

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "负载（开始）：$(uptime)"
"$STUDIO" --db "$WORK/demo.db" demo >/dev/null
cat >"$WORK/bench.toml" <<TOML
csrf_secret = "benchmark-secret-benchmark-secret-0123"
[limits]
per_ip = 1000000
per_phone = 1000000
window_secs = 1
challenge_after = 1000000
TOML
"$STUDIO" --db "$WORK/demo.db" serve --addr 127.0.0.1:0 --config "$WORK/bench.toml" \
  >"$WORK/serve.out" 2>"$WORK/serve.log" &
PIDS+=($!)
for _ in $(seq 1 100); do grep -q '已启动：' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
STUDIO_URL="$(sed -n 's/^已启动：//p' "$WORK/serve.out" | head -1)"
[ -n "$STUDIO_URL" ] || die "studio serve 未能启动：$(cat "$WORK/serve.log")"

# The same pages, saved, for nginx.
mkdir -p "$WORK/www"
curl -sf "$STUDIO_URL/" -o "$WORK/www/index.html"
curl -sf "$STUDIO_URL/delegates" -o "$WORK/www/delegates.html"
# nginx's workers run as an unprivileged user: the saved pages (only) must be readable.
chmod o+x "$WORK"
chmod -R o+rX "$WORK/www"
curl -sf -o /dev/null "$STUDIO_URL/answers" || die "/answers 不可用：这个 studio 不是本分支的"
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$WORK/nginx.conf" <<NGINX
daemon off;
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nb; proxy_temp_path $WORK/np; fastcgi_temp_path $WORK/nf;
  uwsgi_temp_path $WORK/nu; scgi_temp_path $WORK/ns;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location = / { try_files /index.html =404; }
    location = /delegates { try_files /delegates.html =404; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf" -p "$WORK" &
PIDS+=($!)
sleep 0.5
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
curl -sf -o /dev/null "$NGINX_URL/delegates" || die "nginx 未能启动：$(cat "$WORK/nginx.err")"

# wrk's "Requests/sec" and its 99% latency in ms.
measure() {
  local out rps p99
  out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "$1")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

declare -A RPS P99
step "页面：wrk -t2 -c64 -d${DURATION}s，studio 与 nginx 交替，$ROUNDS 轮"
for round in $(seq 1 "$ROUNDS"); do
  for page in / /delegates; do
    for who in studio nginx; do
      if [ "$who" = studio ]; then base="$STUDIO_URL"; else base="$NGINX_URL"; fi
      read -r rps p99 < <(measure "$base$page")
      printf '第 %s 轮 %-6s %-10s %10s req/s   p99 %8s ms\n' "$round" "$who" "$page" "$rps" "$p99"
      RPS[$who$page]="${RPS[$who$page]:-} $rps"
      P99[$who$page]="${P99[$who$page]:-} $p99"
    done
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
printf '%-10s %14s %14s %8s %12s %12s %8s\n' 页面 "studio req/s" "nginx req/s" 比例 "studio p99" "nginx p99" 比例
for page in / /delegates; do
  s=$(median <<<"${RPS[studio$page]}"); n=$(median <<<"${RPS[nginx$page]}")
  sp=$(median <<<"${P99[studio$page]}"); np=$(median <<<"${P99[nginx$page]}")
  printf '%-10s %14.0f %14.0f %8.2f %10.2fms %10.2fms %8.2f\n' "$page" "$s" "$n" \
    "$(awk -v a="$s" -v b="$n" 'BEGIN{print a/b}')" "$sp" "$np" "$(awk -v a="$sp" -v b="$np" 'BEGIN{print (b>0)?a/b:0}')"
done

step "有事找代表：POST /message，最多 200 次/秒，${RATE_SECONDS} 秒"
before=$(sqlite3 "$WORK/demo.db" "SELECT count(*) FROM items WHERE source = 'online'")
curl -sf -c "$WORK/jar" "$STUDIO_URL/message" -o "$WORK/message.html"
TOKEN=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/message.html" | head -1)
COOKIE="studio_csrf=$(awk '$6 == "studio_csrf" {print $7}' "$WORK/jar")"
[ -n "$TOKEN" ] && [ "$COOKIE" != "studio_csrf=" ] || die "没有取得 CSRF 令牌"
# Each connection waits DELAY ms after its answer: with C connections and an answer taking L ms,
# C * 1000 / (DELAY + L) requests a second (30 and 140 ms: 214/s at L = 0, 200/s at L = 10 ms).
MSG_CONNECTIONS="${MSG_CONNECTIONS:-30}"
MSG_DELAY_MS="${MSG_DELAY_MS:-140}"
out=$(BENCH_COOKIE="$COOKIE" BENCH_TOKEN="$TOKEN" BENCH_DELAY_MS="$MSG_DELAY_MS" \
  wrk -t2 -c"$MSG_CONNECTIONS" -d"${RATE_SECONDS}s" --latency -s scripts/bench/server-messages.lua "$STUDIO_URL")
echo "$out" | grep -E 'Requests/sec|Latency|99%|BENCH_RESULT|Non-2xx|Socket errors' || true
after=$(sqlite3 "$WORK/demo.db" "SELECT count(*) FROM items WHERE source = 'online'")
read -r okc redirc otherc reqs < <(sed -n 's/.*BENCH_RESULT ok=\([0-9]*\) redirects=\([0-9]*\) other=\([0-9]*\) requests=\([0-9]*\).*/\1 \2 \3 \4/p' <<<"$out")
stored=$((after - before))
answered=$((okc + redirc))
echo "请求 $reqs 次（$(awk -v r="$reqs" -v s="$RATE_SECONDS" 'BEGIN{printf "%.1f", r/s}') 次/秒，$MSG_CONNECTIONS 个连接，每个应答后等 $MSG_DELAY_MS ms）：2xx $okc，重定向 $redirc，其他 $otherc；数据库新增留言 $stored 条"
# wrk stops at the deadline without reading the answers still on their way: those messages are
# stored but not counted as answered, at most one per connection.
inflight=$((stored - answered))
if [ "$otherc" -eq 0 ] && [ "$inflight" -ge 0 ] && [ "$inflight" -le "$MSG_CONNECTIONS" ]; then
  echo "结果：没有丢失留言，每个应答都是 2xx 或重定向（另有 $inflight 条在压测截止时已保存、应答未被计入）"
else
  echo "结果：不一致（数据库 $stored 条，成功应答 $answered 次，其他应答 $otherc 次）"
fi
echo "负载（结束）：$(uptime)"
