-- The request mix of the booking benchmark (see docs/benchmarks.md). wrk runs with as many threads as
-- connections (-t N -c N), so each thread drives exactly one connection and its responses arrive in the order
-- of its requests: a thread knows which request each response answers without any bookkeeping across threads.
--
-- Per thread, of every ten requests: one re-books a slot this thread booked two placements earlier
-- (expected 409 SLOT_UNAVAILABLE), one cancels the thread's last booking as its member (expected 200), the
-- other eight book a fresh slot (expected 201). A fresh booking is also counted by how it was paid: by card, by
-- credits in full, or in part (paid_card, paid_credits, paid_part).
--
-- Fresh slots never meet: member m only ever books resource m (so the three-at-once member limit cannot be
-- reached: one resource holds no overlapping bookings), thread t of this run books the resources t, t+N,
-- t+2N, ... in turn, and every run (args) gets its own range of days. Slots are 15 minutes, in UTC.
--
-- args: tokens file (line m: resource id and member token of pair m), first second of this run's days
-- (epoch), days in the run's range, connections N.

local pairs_file, first_second, days, connections
local resources, tokens = {}, {}
local per_thread, fresh, n = 0, 0, 0
local last = { kind = nil, pair = nil }
local booked = nil            -- { id, pair } of this thread's last booking not yet cancelled
tally = {}                    -- "kind status" -> count, read by done() through thread:get

local threads = {}
function setup(thread)
  thread:set("id", #threads)  -- 0-based thread number
  table.insert(threads, thread)
end

function init(args)
  pairs_file, first_second, days, connections = args[1], tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  for line in io.lines(pairs_file) do
    local resource, token = line:match("^(%S+)%s+(%S+)$")
    table.insert(resources, resource)
    table.insert(tokens, token)
  end
  per_thread = math.floor(#resources / connections)
end

-- The k-th fresh slot of this thread: which pair (resource and its member) and when it starts.
local function slot(k)
  local pair = id + connections * (k % per_thread) + 1
  local index = math.floor(k / per_thread)
  index = index % (days * 96)  -- past the run's range it wraps (and conflicts): the tally would show it
  return pair, first_second + index * 900
end

local function iso(second) return os.date("!%Y-%m-%dT%H:%M:%SZ", second) end

local function place(pair, start)
  last = { kind = "place", pair = pair }
  return wrk.format("POST", "/api/bookings",
    { ["Authorization"] = "Bearer " .. tokens[pair], ["Content-Type"] = "application/json" },
    string.format('{"resourceId":"%s","start":"%s","end":"%s"}', resources[pair], iso(start), iso(start + 900)))
end

function request()
  n = n + 1
  if n % 10 == 5 and fresh >= 2 then
    local pair, start = slot(fresh - 2)
    local req = place(pair, start)
    last.kind = "conflict"
    return req
  elseif n % 10 == 9 and booked then
    last = { kind = "cancel", pair = booked.pair }
    local id_ = booked.id
    booked = nil
    return wrk.format("POST", "/api/bookings/" .. id_ .. "/cancel",
      { ["Authorization"] = "Bearer " .. tokens[last.pair], ["Content-Type"] = "application/json" }, "{}")
  end
  local pair, start = slot(fresh)
  fresh = fresh + 1
  return place(pair, start)
end

function response(status, headers, body)
  local key = last.kind .. " " .. status
  tally[key] = (tally[key] or 0) + 1
  if last.kind == "place" and status == 201 then
    local booking = body:match('"bookingId"%s*:%s*"([^"]+)"') or body:match('"bookingId"%s*:%s*{%s*"value"%s*:%s*"([^"]+)"')
    if booking then booked = { id = booking, pair = last.pair } end
    -- How it was paid: the minutes the member's credits paid, and the price left by card (bench/booking's credit
    -- scenario counts on every booking being paid by credits in full).
    local minutes = tonumber(body:match('"creditMinutes"%s*:%s*(%d+)') or "0")
    local price = tonumber(body:match('"price"%s*:%s*(%d+)') or "-1")
    local paid = (minutes == 0 and "card") or (price == 0 and "credits") or "part"
    tally["paid " .. paid] = (tally["paid " .. paid] or 0) + 1
  end
end

-- One machine-readable line: latency in milliseconds, requests per second, and the answers by kind and status.
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("tally") or {}) do total[key] = (total[key] or 0) + count end
  end
  local parts = {}
  for key, count in pairs(total) do table.insert(parts, key:gsub(" ", "_") .. "=" .. count) end
  table.sort(parts)
  io.write(string.format("RESULT p50=%.3f p99=%.3f rps=%.1f requests=%d errors=%d %s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, " ")))
end
