#!/usr/bin/env bash
# Runs the shared arena-hard prompts through the default (simulated) configuration with the decision
# log and a little shadow traffic on, then prints `gearbox report` for the run and draws its chart.
#
#   bench/arena-report.sh                 # all 1,250 prompts, 32 at a time
#   LIMIT=200 CONCURRENCY=16 bench/arena-report.sh
#   SKIP_BUILD=1 bench/arena-report.sh    # reuse gateway-server/target/gearbox.jar
#   REPEAT_EVERY=10 bench/arena-report.sh # every 10th request repeats an earlier prompt (exact cache hits)
#   CASCADE=1 bench/arena-report.sh       # also turn the cascade on (the example config's gates + answer_model)
#
# Output: bench/results/arena-report/{report.txt,report.png,logs/}
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results/arena-report
DATA_DIR=${DATA_DIR:-../shared/data}   # as RoutingDataReader: the shared data next to the checkout
PROMPTS=${PROMPTS:-$DATA_DIR/prompts/arena_hard.jsonl}
LIMIT=${LIMIT:-0}
REPEAT_EVERY=${REPEAT_EVERY:-0}
CASCADE=${CASCADE:-0}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-18080}
JAR=gateway-server/target/gearbox.jar

[ -f "$PROMPTS" ] || { echo "no prompts at $PROMPTS (set PROMPTS=...)" >&2; exit 2; }
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -q -DskipTests -pl gateway-server -am package
fi
rm -rf "$OUT" && mkdir -p "$OUT/logs"

# The built-in default config, with the decision log (no text) and 5% shadow traffic switched on.
python3 - "$OUT" "$CASCADE" <<'PY'
import sys
out, cascade = sys.argv[1], sys.argv[2] == "1"
text = open("config/src/main/resources/gearbox-default.yaml").read()
head = text.split("\ntelemetry:")[0]
if cascade:
    head += """
cascade:
  start_tier: fast
  ceiling_tier: frontier
  hint: reason
  classes: [reasoning, math, writing, chat, other]
  streams: buffer
  gates: [{type: empty}, {type: length}, {type: refusal}, {type: json}, {type: json_schema}, {type: tool_args},
          {type: arithmetic}, {type: answer_model}]
"""
open(out + "/gearbox.yaml", "w").write(head + f"""
telemetry:
  decision_log: {{enabled: true, dir: {out}/logs, include_text: false}}
  shadow: {{share: 0.05, seed: 42}}
""")
PY

java -jar "$JAR" serve --config "$OUT/gearbox.yaml" --port "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done

python3 - "$PROMPTS" "$LIMIT" "$CONCURRENCY" "$PORT" "$REPEAT_EVERY" <<'PY'
import concurrent.futures, json, sys, time, urllib.request
path, limit, concurrency, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
repeat_every = int(sys.argv[5])
rows = [json.loads(l) for l in open(path) if l.strip()]
if limit > 0:
    rows = rows[:limit]
if repeat_every > 0:  # real traffic repeats itself: every Nth request asks a prompt sent ~100 requests before
    sent = []
    for i, r in enumerate(rows):
        sent.append(sent[i - 101] if i % repeat_every == repeat_every - 1 and i >= 101 else r)
    rows = sent
def send(i_row):
    i, row = i_row
    body = {"model": "auto", "messages": row["messages"], "stream": i % 4 == 0}
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions", json.dumps(body).encode(),
                                 {"content-type": "application/json", "authorization": "Bearer demo-tenant"})
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
        return r.status
start = time.time()
with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
    statuses = list(pool.map(send, enumerate(rows)))
print(f"sent {len(rows)} prompts in {time.time() - start:.1f} s; {statuses.count(200)} answered 200")
PY

sleep 3   # shadow requests finish after the client's answer
curl -fs "http://127.0.0.1:$PORT/metrics" > "$OUT/metrics.txt"
kill $SERVER && wait $SERVER 2>/dev/null || true
trap - EXIT
java -jar "$JAR" report --log "$OUT/logs" --out "$OUT/report.png" | tee "$OUT/report.txt"
