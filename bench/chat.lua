-- wrk script: POST a small non-streaming chat completion.
-- MODEL picks the model ("ok" direct to the mock, "mock-ok" pinned through Gearbox);
-- BENCH_API_KEY, when set, is sent as the client's bearer token.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_API_KEY")
if key ~= nil and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end
wrk.body = '{"model":"' .. (os.getenv("MODEL") or "ok") .. '","messages":[{"role":"user","content":"Say hello in one short sentence."}],"max_tokens":16}'

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("non2xx_or_errors: %d\n",
    errors.connect + errors.read + errors.write + errors.status + errors.timeout))
end
