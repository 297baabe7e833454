-- The read requests of the query benchmark (see docs/benchmarks.md), with a random argument per request, so that
-- no answer is served from a cache that one repeated URL would warm.
--
-- args: mode, input file, then per mode:
--   space     file of space ids; first day (epoch second of 00:00 UTC), days:
--             GET /api/availability?spaceId=<random space>&date=<random day of the history>
--   resource  file of resource ids; first day, days:
--             GET /api/resources/<random resource>/availability over 7 days from a random day (UTC midnights)
--   mine      file of "token pages" (one signed-in member a line, with how many pages of 20 their list has):
--             GET /api/members/me/bookings?page=<random page of theirs>&size=20 as that member
-- Availability is asked with the token of the environment's BENCH_TOKEN (any signed-in role may ask it).

local mode, ids, first_day, days = nil, {}, 0, 0
local pages = {}
local token = os.getenv("BENCH_TOKEN")

function init(args)
  mode = args[1]
  for line in io.lines(args[2]) do
    local id, extra = line:match("^(%S+)%s*(%S*)$")
    if id then
      table.insert(ids, id)
      table.insert(pages, tonumber(extra) or 1)
    end
  end
  first_day, days = tonumber(args[3] or 0), tonumber(args[4] or 1)
  math.randomseed(os.time() + (id or 0) * 7919)
end

local function day(offset) return first_day + offset * 86400 end

function request()
  local i = math.random(#ids)
  if mode == "space" then
    return wrk.format("GET", "/api/availability?spaceId=" .. ids[i] .. "&date="
      .. os.date("!%Y-%m-%d", day(math.random(0, days - 1))), { ["Authorization"] = "Bearer " .. token })
  elseif mode == "resource" then
    local from = day(math.random(0, days - 7))
    return wrk.format("GET", "/api/resources/" .. ids[i] .. "/availability?from="
      .. os.date("!%Y-%m-%dT%H:%M:%SZ", from) .. "&to=" .. os.date("!%Y-%m-%dT%H:%M:%SZ", from + 7 * 86400),
      { ["Authorization"] = "Bearer " .. token })
  else
    return wrk.format("GET", "/api/members/me/bookings?page=" .. math.random(0, pages[i] - 1) .. "&size=20",
      { ["Authorization"] = "Bearer " .. ids[i] })
  end
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT p50=%.3f p99=%.3f rps=%.1f requests=%d non2xx=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
