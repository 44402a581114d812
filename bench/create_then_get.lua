-- The `nox -s bench` workload: every connection alternates
--   POST /v1/withdrawals          (amount "1.00" to one valid TRC20 address)
--   GET  /v1/withdrawals/{id}     (the id that connection's previous create returned)
--
--   wrk -t N -c N -d 15s --latency -s bench/create_then_get.lua URL -- AUTHORIZATION ADDRESS
--
-- Run it with as many threads as connections. wrk keeps one Lua state per thread and its callbacks do
-- not say which connection they serve, so one connection per thread is what makes the state below
-- per connection (and makes the alternation exact). wrk sends a connection's next request only after
-- the previous response, so request() and response() strictly alternate within a thread.
--
-- done() prints one line, `BENCH_RESULT {json}`, that scripts/bench.py parses; latencies are in
-- microseconds, and non2xx counts every response outside 200-299 (wrk's own "Non-2xx or 3xx" count
-- only covers statuses above 399).

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local authorization, address = args[1], args[2]
   if not authorization or not address then
      error("usage: wrk ... -s create_then_get.lua URL -- AUTHORIZATION ADDRESS")
   end
   local body = string.format('{"amount":"1.00","destination_address":"%s","network":"TRC20"}', address)
   create_request = wrk.format("POST", "/v1/withdrawals", {
      ["Host"] = wrk.host .. ":" .. wrk.port,
      ["Authorization"] = authorization,
      ["Content-Type"] = "application/json",
   }, body)
   get_headers = {["Host"] = wrk.host .. ":" .. wrk.port, ["Authorization"] = authorization}
   next_id = nil          -- the id to GET next, or nil to create
   last_op = nil          -- "create" or "get": what the pending request is
   creates, gets, non2xx, missing_ids = 0, 0, 0, 0
   statuses = {}          -- non-2xx status -> count
   sample = nil           -- the first non-2xx body, for the report
end

function request()
   if next_id then
      last_op = "get"
      local path = "/v1/withdrawals/" .. next_id
      next_id = nil
      return wrk.format("GET", path, get_headers)
   end
   last_op = "create"
   return create_request
end

function response(status, headers, body)
   local ok = status >= 200 and status <= 299
   if last_op == "create" then
      creates = creates + 1
   else
      gets = gets + 1
   end
   if not ok then
      non2xx = non2xx + 1
      local key = tostring(status)
      statuses[key] = (statuses[key] or 0) + 1
      if not sample then
         sample = last_op .. " -> " .. key .. ": " .. string.sub(body or "", 1, 300)
      end
   elseif last_op == "create" then
      next_id = string.match(body or "", '"id"%s*:%s*"([^"]+)"')
      if not next_id then
         missing_ids = missing_ids + 1
      end
   end
end

local function json_string(text)
   return '"' .. string.gsub(text, '[%c"\\]', function(c)
      return string.format("\\u%04x", string.byte(c))
   end) .. '"'
end

function done(summary, latency, requests)
   local total = {creates = 0, gets = 0, non2xx = 0, missing_ids = 0}
   local by_status, first_sample = {}, nil
   for _, thread in ipairs(threads) do
      for name, _ in pairs(total) do
         total[name] = total[name] + (thread:get(name) or 0)
      end
      for status, count in pairs(thread:get("statuses") or {}) do
         by_status[status] = (by_status[status] or 0) + count
      end
      first_sample = first_sample or thread:get("sample")
   end
   local status_parts = {}
   for status, count in pairs(by_status) do
      table.insert(status_parts, string.format('"%s":%d', status, count))
   end
   local errors = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"duration_us":%d,"requests":%d,"bytes":%d,"creates":%d,"gets":%d,"non2xx":%d,' ..
      '"missing_ids":%d,"statuses":{%s},"sample":%s,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"mean":%.1f,"stdev":%.1f,"min":%d,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p99_9":%d}}\n',
      summary.duration, summary.requests, summary.bytes, total.creates, total.gets, total.non2xx,
      total.missing_ids, table.concat(status_parts, ","), first_sample and json_string(first_sample) or "null",
      errors.connect, errors.read, errors.write, errors.status, errors.timeout,
      latency.mean, latency.stdev, latency.min, latency.max, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency:percentile(99.9)))
end
