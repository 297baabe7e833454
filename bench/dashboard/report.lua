-- Prints one machine-readable line after a wrk run: latency percentiles in milliseconds, requests per second and
-- how many answers were not 2xx/3xx (a run with any is not a valid measurement).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT p50=%.3f p99=%.3f rps=%.1f requests=%d non2xx=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / seconds, summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
