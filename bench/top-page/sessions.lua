-- wrk script: every request comes from a random signed-in user (one Cookie header per line of
-- $BENCH_COOKIES), so the list is arranged for many users rather than served to one.
-- Any answer other than 200 is counted: a 302 to the sign-in page means the sessions are wrong.
-- done() prints the figures and appends them, as key=value, to $BENCH_RESULT.

local threads = {}

function setup(thread)
   thread:set("id", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   cookies = {}
   for line in io.lines(os.getenv("BENCH_COOKIES")) do
      if line ~= "" then cookies[#cookies + 1] = line end
   end
   if #cookies == 0 then error("no cookies in " .. os.getenv("BENCH_COOKIES")) end
   math.randomseed(os.time() + id * 7919)
   non200 = 0
   statuses = ""
end

function request()
   return wrk.format("GET", wrk.path, { ["Cookie"] = cookies[math.random(#cookies)] })
end

function response(status, headers, body)
   if status ~= 200 then
      non200 = non200 + 1
      -- Remember the first few odd statuses to say what went wrong.
      if #statuses < 40 then statuses = statuses .. status .. " " end
   end
end

function done(summary, latency, requests)
   local non200, statuses = 0, ""
   for _, t in ipairs(threads) do
      non200 = non200 + t:get("non200")
      statuses = statuses .. t:get("statuses")
   end
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   local r = {
      requests = summary.requests,
      rps = string.format("%.1f", summary.requests / seconds),
      p50_ms = string.format("%.1f", latency:percentile(50) / 1000),
      p95_ms = string.format("%.1f", latency:percentile(95) / 1000),
      p99_ms = string.format("%.1f", latency:percentile(99) / 1000),
      max_ms = string.format("%.1f", latency.max / 1000),
      non200 = non200,
      socket_errors = errors,
   }
   local order = { "requests", "rps", "p50_ms", "p95_ms", "p99_ms", "max_ms", "non200", "socket_errors" }
   local line = ""
   for _, k in ipairs(order) do line = line .. k .. "=" .. r[k] .. " " end
   print("RESULT " .. line .. (statuses ~= "" and ("statuses: " .. statuses) or ""))
   local out = os.getenv("BENCH_RESULT")
   if out then
      local f = assert(io.open(out, "a"))
      f:write(line, "\n")
      f:close()
   end
end
