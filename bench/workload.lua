-- The `nox -s bench` workloads, for any provider: a plan file (written by scripts/bench_wrk.py) lists
-- the steps every connection cycles through and, per step, the authentication headers for each second
-- of the run, computed beforehand by the provider's own signer (wrk's Lua has no crypto).
--
--   wrk -t N -c N -d 10s --latency -s bench/workload.lua URL -- PLAN.lua
--
-- A step may capture an id from its answer (a Lua pattern); the next step's path puts it in place of
-- `{id}`, and `expect_id` checks that the answer contains it. `{uuid}` in a body becomes a fresh random
-- UUID per request (only in bodies that are not signed). The headers are picked by the current second;
-- a request outside the plan's seconds uses the nearest one and is counted as `stale`.
--
-- Run it with as many threads as connections: wrk keeps one Lua state per thread and its callbacks do
-- not say which connection they serve, so one connection per thread makes the state below per
-- connection. done() prints `BENCH_RESULT {json}` for scripts/bench_wrk.py; latencies in microseconds.
--
-- The soak (scripts/bench/soak.py) adds three optional fields to the plan: `interval_ms` paces each
-- connection to one request per interval (an open-loop rate, not as fast as it can); `control` lists
-- control-API requests that the first connection sends in turn, one after every `control_every` of its
-- own; a control request marked `fault` injects one fault of status `fault_status`, so that many answers
-- of that status are expected (`faulted` counts them, `injected` the faults) rather than counted as non-2xx.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local timespec = ffi.new("bench_timespec")

local function now_ms()
   ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
   return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local threads = {}

function setup(thread)
   thread:set("index", #threads + 1)
   table.insert(threads, thread)
end

local function uuid()
   local r = math.random
   return string.format("%08x-%04x-4%03x-%04x-%06x%06x", r(0, 0x7fffffff), r(0, 0xffff), r(0, 0xfff),
      0x8000 + r(0, 0x3fff), r(0, 0xffffff), r(0, 0xffffff))
end

function init(args)
   if not args[1] then
      error("usage: wrk ... -s workload.lua URL -- PLAN.lua")
   end
   plan = assert(loadfile(args[1]))()
   math.randomseed(os.time() * 1000 + index)
   host = wrk.host .. ":" .. wrk.port
   current = 1            -- the step to send next
   captured = nil         -- the id the last capturing step found
   counts = {}            -- step -> answers
   non2xx, missing_ids, not_found, stale = 0, 0, 0, 0
   statuses = {}          -- non-2xx status -> count
   sample = nil           -- the first unexpected answer, for the report
   sent = 0               -- requests sent (pacing and the control cadence count them)
   started_ms = now_ms()
   control_next = 1       -- the control request to send next (first connection only)
   in_control = nil       -- the control request awaiting its answer
   faulted, injected = 0, 0
end

function delay()
   if not plan.interval_ms then
      return 0
   end
   local wait = started_ms + sent * plan.interval_ms - now_ms()
   return wait > 0 and wait or 0
end

local function headers_now(step_index)
   local table_ = plan.auth[step_index]
   local now = os.time()
   local found = table_[now]
   if found then
      return found
   end
   stale = stale + 1
   return table_[now < plan.first and plan.first or plan.last]
end

local function control_request()
   local step = plan.control[control_next]
   control_next = control_next % #plan.control + 1
   in_control = step
   local headers = {["Host"] = host}
   if step.body ~= "" then
      headers["Content-Type"] = "application/json"
   end
   return wrk.format(step.method, step.path, headers, step.body ~= "" and step.body or nil)
end

function request()
   sent = sent + 1
   if plan.control and index == 1 and sent % plan.control_every == 0 then
      return control_request()
   end
   local step = plan.steps[current]
   local headers = {["Host"] = host}
   for name, value in pairs(headers_now(current)) do
      headers[name] = value
   end
   local body = nil
   if step.body ~= "" then
      headers["Content-Type"] = step.content_type
      body = string.gsub(step.body, "{uuid}", uuid)
   end
   local path = step.path
   if captured then
      path = string.gsub(path, "{id}", function() return captured end)
   end
   return wrk.format(step.method, path, headers, body)
end

local function note(text)
   if not sample then
      sample = "step " .. current .. " " .. text
   end
end

function response(status, headers, body)
   if in_control then
      local step = in_control
      in_control = nil
      if status < 200 or status > 299 then
         non2xx = non2xx + 1
         local key = "control " .. tostring(status)
         statuses[key] = (statuses[key] or 0) + 1
         note("control " .. step.path .. " -> " .. status .. ": " .. string.sub(body or "", 1, 300))
      elseif step.fault then
         injected = injected + 1
      end
      return
   end
   if plan.fault_status and status == plan.fault_status then
      faulted = faulted + 1 -- an injected fault doing its job; the sequence starts over
      current, captured = 1, nil
      return
   end
   local step = plan.steps[current]
   counts[current] = (counts[current] or 0) + 1
   local restart = false
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      local key = tostring(status)
      statuses[key] = (statuses[key] or 0) + 1
      note("-> " .. key .. ": " .. string.sub(body or "", 1, 300))
      restart = true
   else
      if step.expect_id and captured and not string.find(body or "", captured, 1, true) then
         not_found = not_found + 1
         note("answer lacks " .. captured .. ": " .. string.sub(body or "", 1, 300))
      end
      if step.capture ~= "" then
         captured = string.match(body or "", step.capture)
         if not captured then
            missing_ids = missing_ids + 1
            note("no id in: " .. string.sub(body or "", 1, 300))
            restart = true
         end
      end
   end
   if restart then
      current, captured = 1, nil
   else
      current = current % #plan.steps + 1
   end
end

local function json_string(text)
   return '"' .. string.gsub(text, '[%c"\\]', function(c)
      return string.format("\\u%04x", string.byte(c))
   end) .. '"'
end

function done(summary, latency, requests)
   local total = {non2xx = 0, missing_ids = 0, not_found = 0, stale = 0, faulted = 0, injected = 0}
   local by_status, by_step, first_sample = {}, {}, nil
   for _, thread in ipairs(threads) do
      for name, _ in pairs(total) do
         total[name] = total[name] + (thread:get(name) or 0)
      end
      for status, count in pairs(thread:get("statuses") or {}) do
         by_status[status] = (by_status[status] or 0) + count
      end
      for step, count in pairs(thread:get("counts") or {}) do
         by_step[step] = (by_step[step] or 0) + count
      end
      first_sample = first_sample or thread:get("sample")
   end
   local status_parts, step_parts = {}, {}
   for status, count in pairs(by_status) do
      table.insert(status_parts, string.format('"%s":%d', status, count))
   end
   for step, count in pairs(by_step) do
      table.insert(step_parts, string.format('"%d":%d', step, count))
   end
   local errors = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"duration_us":%d,"requests":%d,"bytes":%d,"steps":{%s},"non2xx":%d,' ..
      '"missing_ids":%d,"not_found":%d,"stale":%d,"faulted":%d,"injected":%d,"statuses":{%s},"sample":%s,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"mean":%.1f,"stdev":%.1f,"min":%d,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p99_9":%d}}\n',
      summary.duration, summary.requests, summary.bytes, table.concat(step_parts, ","), total.non2xx,
      total.missing_ids, total.not_found, total.stale, total.faulted, total.injected, table.concat(status_parts, ","),
      first_sample and json_string(first_sample) or "null",
      errors.connect, errors.read, errors.write, errors.status, errors.timeout,
      latency.mean, latency.stdev, latency.min, latency.max, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency:percentile(99.9)))
end
