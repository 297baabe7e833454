-- bench/booking/mix.lua (BOOKING_MIX_LUA), with the problem code of every 503 and 429 tallied besides its kind and
-- status ("code 503_OVERLOADED"), and "_NO_RETRY_AFTER" appended when the answer did not say when to come back.
dofile(os.getenv("BOOKING_MIX_LUA"))

local mix_response = response
function response(status, headers, body)
  if status == 503 or status == 429 then
    local code = body and body:match('"code"%s*:%s*"([^"]+)"') or "NONE"
    local key = "code " .. status .. "_" .. code .. (headers["Retry-After"] and "" or "_NO_RETRY_AFTER")
    tally[key] = (tally[key] or 0) + 1
  end
  mix_response(status, headers, body)
end
