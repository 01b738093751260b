-- Shared by the service benchmarks (Scripts/bench-service.sh): the API-key headers come from the environment, and
-- done() prints one machine-readable line that the script turns into the table.
local common = {}

function common.headers()
  return {
    ["Content-Type"] = "application/json",
    ["API_KEY_ID"] = os.getenv("API_KEY_ID"),
    ["API_SECRET_KEY"] = os.getenv("API_SECRET_KEY"),
  }
end

function common.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  -- errors counts every failed request; non2xx the answers whose status was not 2xx or 3xx among them (wrk's
  -- summary.errors.status), the rest being socket errors and timeouts.
  io.write(string.format("RESULT rps=%.1f p50_us=%.0f p99_us=%.0f requests=%d errors=%d non2xx=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99), summary.requests, errors,
    summary.errors.status))
end

return common
