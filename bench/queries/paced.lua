-- bench/booking/mix.lua at a fixed rate: each wrk thread sends its requests at even intervals, so that the mix
-- runs at a target rate (the projection-lag benchmark wants half of the peak) instead of as fast as it can.
-- A thread whose previous answer came late sends at once and does not catch up: the achieved rate is measured
-- and reported, never assumed. args: those of mix.lua, then the total rate (requests/s over all threads).
-- MIX_LUA (environment) is the path of mix.lua.
dofile(os.getenv("MIX_LUA"))

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local mix_init = init
local interval, next_at
function init(args)
  mix_init(args)
  interval = 1000 * tonumber(args[4]) / tonumber(args[5])  -- this thread's share: connections / rate
end

function delay()
  local now = now_ms()
  if not next_at then next_at = now + math.random() * interval end  -- threads start spread over one interval
  local wait = math.max(0, next_at - now)
  next_at = math.max(next_at, now) + interval
  return wait
end
