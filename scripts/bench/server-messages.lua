-- wrk script for scripts/bench/server.sh: POST /message (有事找代表) with a valid CSRF cookie and
-- token pair (one browser's, read by the script beforehand and passed in the environment), a fresh
-- phone number per request (the core allows one message per phone per minute), at most
-- `1000 / DELAY_MS` requests per second per connection. Counts the answers by class.
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "100")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  ok, redirects, other = 0, 0, 0
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  -- 139 + thread (1 digit) + 7-digit counter: unique across threads and requests.
  local phone = string.format("139%d%07d", thread_no % 10, counter)
  local body = "csrf=" .. token
    .. "&delegate_id=&name=" .. urlencode("压测访客")
    .. "&phone=" .. phone
    .. "&category=public_opinion"
    .. "&text=" .. urlencode("压测留言：图书馆自习室座位紧张，希望考试周延长开放时间。")
    .. "&consent=1&publish_ok=1&website="
  return wrk.format("POST", "/message", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end

function delay()
  return delay_ms
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status >= 300 and status < 400 then
    redirects = redirects + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local o, r, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    r = r + t:get("redirects")
    x = x + t:get("other")
  end
  io.write(string.format("BENCH_RESULT ok=%d redirects=%d other=%d requests=%d\n",
    o, r, x, summary.requests))
end
