#!/usr/bin/env bash
# Gearbox load benchmark: throughput and added latency of the gateway in front of a fast mock
# upstream, plus the stream relay delay. Loopback only, bounded durations. See bench/README.md.
#
#   bench/load.sh               build, run everything, print and save the summary
#   bench/load.sh --quick       5 s steps and a shorter probe, for a quick check
#   SKIP_BUILD=1 bench/load.sh  reuse the jars already built
#   DURATION=15 WARMUP=15 RATE_PER_CLIENT=100 CLIENTS=10 PROBE_REQUESTS=500 BENCH_API_KEY=... (optional overrides)
set -euo pipefail

if [[ "${1:-}" == "--quick" ]]; then
  DURATION="${DURATION:-5}"
  PROBE_REQUESTS="${PROBE_REQUESTS:-200}"
elif [[ -n "${1:-}" ]]; then
  echo "usage: bench/load.sh [--quick]" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"
DURATION="${DURATION:-15}"
CLIENTS="${CLIENTS:-10}"
RATE_PER_CLIENT="${RATE_PER_CLIENT:-100}"
PROBE_REQUESTS="${PROBE_REQUESTS:-500}"
# Unmeasured streams first, so the relay path is compiled before it is timed.
PROBE_WARMUP="${PROBE_WARMUP:-300}"
# The gateway needs its hot path JIT-compiled (C2) before it is measured: 5 s was not enough.
WARMUP="${WARMUP:-15}"
export BENCH_MOCK_PORT="${BENCH_MOCK_PORT:-9001}"
export BENCH_GEARBOX_PORT="${BENCH_GEARBOX_PORT:-8080}"
MOCK_URL="http://127.0.0.1:$BENCH_MOCK_PORT/v1/chat/completions"
GATEWAY_URL="http://127.0.0.1:$BENCH_GEARBOX_PORT/v1/chat/completions"
RESULTS="$BENCH/results"
STAMP="$(date -u +%Y-%m-%dT%H-%M-%SZ)"
WORK="$(mktemp -d)"
JAVA_LOG="-Dlogback.configurationFile=$BENCH/logback-bench.xml"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

log() { printf '[bench] %s\n' "$*" >&2; }

install_if_missing() {
  local tool="$1"
  command -v "$tool" >/dev/null 2>&1 && return
  log "installing $tool"
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "$tool" >/dev/null
}

wait_for_port() {
  local port="$1" name="$2" pid="$3"
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited during startup; its log:"
      cat "$WORK/$name.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  log "$name did not listen on port $port within 20 s"
  exit 1
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

chat_body() {
  printf '{"model":"%s","messages":[{"role":"user","content":"Say hello in one short sentence."}],"max_tokens":16}' "$1"
}

# CPU time (user + system, in clock ticks) a process has used so far; empty when /proc is missing.
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || true
}

# wrk: prints "REQ_PER_S CPU_US_PER_REQUEST" for MODEL at URL, the CPU being that of process PID
# (the server under test) over the run; the CPU figure holds up on a shared, busy machine.
wrk_rps() {
  local url="$1" model="$2" pid="$3"
  local before after
  before="$(cpu_ticks "$pid")"
  MODEL="$model" wrk -t2 -c32 -d"${DURATION}s" --latency -s "$BENCH/chat.lua" "$url" > "$WORK/wrk-$model.txt"
  after="$(cpu_ticks "$pid")"
  cat "$WORK/wrk-$model.txt" >&2
  if ! grep -q '^non2xx_or_errors: 0$' "$WORK/wrk-$model.txt"; then
    log "wrk saw errors for $model (see above)"
  fi
  awk -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n = $1}
    /^Requests\/sec:/ {rps = $2}
    END {printf "%s %s\n", rps, (b != "" && n > 0) ? sprintf("%.1f", (a - b) / hz * 1e6 / n) : "n/a"}' \
      "$WORK/wrk-$model.txt"
}

# hey at a fixed rate: prints "p50_ms p99_ms" for MODEL at URL.
hey_latency() {
  local url="$1" model="$2"
  local auth=()
  [[ -n "${BENCH_API_KEY:-}" ]] && auth=(-H "Authorization: Bearer $BENCH_API_KEY")
  hey -z "${DURATION}s" -c "$CLIENTS" -q "$RATE_PER_CLIENT" -m POST -T application/json "${auth[@]}" \
      -d "$(chat_body "$model")" "$url" > "$WORK/hey-$model.txt"
  grep -E 'Requests/sec|Status code|^ *\[[0-9]{3}\][[:space:]]+[0-9]+ responses' "$WORK/hey-$model.txt" >&2 || true
  awk '/ 50% in / {p50=$3} / 99% in / {p99=$3} END {printf "%.3f %.3f\n", p50*1000, p99*1000}' \
      "$WORK/hey-$model.txt"
}

probe() {
  local url="$1" model="$2"
  local key=()
  [[ -n "${BENCH_API_KEY:-}" ]] && key=(--api-key "$BENCH_API_KEY")
  java $JAVA_LOG -cp "$MOCK_JAR" dev.gearbox.testfixtures.StreamLatencyProbe --url "$url" --model "$model" \
      --requests "$PROBE_REQUESTS" --warmup "$PROBE_WARMUP" "${key[@]}"
}

field() { # field NAME "first_chunk_relay_us n=.. p50=.. p99=.." -> value
  sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<< "$2"
}

verdict() { # verdict CONDITION(awk expression) -> PASS/FAIL
  awk "BEGIN { exit !($1) }" && echo PASS || echo FAIL
}

# ---------------------------------------------------------------------------------------------
install_if_missing wrk
install_if_missing hey
command -v java >/dev/null || { log "java 17+ is required"; exit 1; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building (./mvnw -B -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
GEARBOX_JAR="$ROOT/gateway-server/target/gearbox.jar"
MOCK_JAR="$(ls "$ROOT"/src-test-fixtures/target/gearbox-test-fixtures-*-bench.jar 2>/dev/null | head -1)"
[[ -f "$GEARBOX_JAR" ]] || { log "missing $GEARBOX_JAR (build gateway-server first)"; exit 1; }
[[ -f "$MOCK_JAR" ]] || { log "missing the mock upstream bench jar in src-test-fixtures/target"; exit 1; }

for port in "$BENCH_MOCK_PORT" "$BENCH_GEARBOX_PORT"; do
  port_free "$port" || { log "port $port is already in use"; exit 1; }
done

log "starting the mock upstream on 127.0.0.1:$BENCH_MOCK_PORT"
java $JAVA_LOG -Xms256m -Xmx256m -jar "$MOCK_JAR" --host 127.0.0.1 --port "$BENCH_MOCK_PORT" --threads 1 \
    > "$WORK/mock.log" 2>&1 &
MOCK_PID="$!"
PIDS+=("$MOCK_PID")
wait_for_port "$BENCH_MOCK_PORT" mock "$MOCK_PID"

log "starting Gearbox on 127.0.0.1:$BENCH_GEARBOX_PORT"
java $JAVA_LOG -Xms512m -Xmx512m -jar "$GEARBOX_JAR" serve --config "$BENCH/bench-config.yaml" \
    > "$WORK/gearbox.log" 2>&1 &
GEARBOX_PID="$!"
PIDS+=("$GEARBOX_PID")
wait_for_port "$BENCH_GEARBOX_PORT" gearbox "$GEARBOX_PID"

log "warming up ($WARMUP s through Gearbox, which warms the mock too, then 3 s direct)"
MODEL=mock-ok wrk -t2 -c32 -d"${WARMUP}s" -s "$BENCH/chat.lua" "$GATEWAY_URL" > /dev/null
MODEL=ok wrk -t2 -c32 -d3s -s "$BENCH/chat.lua" "$MOCK_URL" > /dev/null

log "(a) throughput direct to the mock"
read -r RPS_DIRECT CPU_MOCK <<< "$(wrk_rps "$MOCK_URL" ok "$MOCK_PID")"
log "(b) throughput through Gearbox"
read -r RPS_GATEWAY CPU_GATEWAY <<< "$(wrk_rps "$GATEWAY_URL" mock-ok "$GEARBOX_PID")"

RATE=$((CLIENTS * RATE_PER_CLIENT))
log "(c) latency at $RATE req/s, direct"
read -r P50_DIRECT P99_DIRECT <<< "$(hey_latency "$MOCK_URL" ok)"
log "(c) latency at $RATE req/s, through Gearbox"
read -r P50_GATEWAY P99_GATEWAY <<< "$(hey_latency "$GATEWAY_URL" mock-ok)"

log "(d) first stream chunk relay, direct (client baseline) and through Gearbox"
PROBE_DIRECT="$(probe "$MOCK_URL" ok)"
PROBE_GATEWAY="$(probe "$GATEWAY_URL" mock-ok)"

THROUGHPUT_SHARE="$(awk -v g="$RPS_GATEWAY" -v d="$RPS_DIRECT" 'BEGIN {printf "%.1f", (d > 0) ? 100 * g / d : 0}')"
ADDED_P50="$(awk -v g="$P50_GATEWAY" -v d="$P50_DIRECT" 'BEGIN {printf "%.3f", g - d}')"
ADDED_P99="$(awk -v g="$P99_GATEWAY" -v d="$P99_DIRECT" 'BEGIN {printf "%.3f", g - d}')"
RELAY_P50="$(field p50 "$PROBE_GATEWAY")"
RELAY_P99="$(field p99 "$PROBE_GATEWAY")"
BASE_P50="$(field p50 "$PROBE_DIRECT")"
RELAY_ADDED_P50=$((RELAY_P50 - BASE_P50))

mkdir -p "$RESULTS"
OUT="$RESULTS/$STAMP.txt"
{
  echo "Gearbox load benchmark, $STAMP, $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "machine load at the end:$(uptime | sed 's/.*load average//')"
  echo
  printf '%-44s %14s %14s %12s  %s\n' "measure" "direct" "via gearbox" "target" "result"
  printf '%-44s %14s %14s %12s  %s\n' "throughput, wrk -t2 -c32 (req/s)" "$RPS_DIRECT" "$RPS_GATEWAY" \
      ">= 50%" "${THROUGHPUT_SHARE}% $(verdict "$THROUGHPUT_SHARE >= 50")"
  printf '%-44s %14s %14s %12s  %s\n' "server CPU per request in (a)/(b) (us)" "$CPU_MOCK" "$CPU_GATEWAY" \
      "" "(mock alone vs Gearbox alone)"
  printf '%-44s %14s %14s %12s  %s\n' "latency p50 at $RATE req/s (ms)" "$P50_DIRECT" "$P50_GATEWAY" \
      "+< 0.5 ms" "+$ADDED_P50 $(verdict "$ADDED_P50 < 0.5")"
  printf '%-44s %14s %14s %12s  %s\n' "latency p99 at $RATE req/s (ms)" "$P99_DIRECT" "$P99_GATEWAY" \
      "+< 2 ms" "+$ADDED_P99 $(verdict "$ADDED_P99 < 2")"
  printf '%-44s %14s %14s %12s  %s\n' "first stream chunk, upstream->client p50 (us)" "$BASE_P50" "$RELAY_P50" \
      "< 1000" "$(verdict "$RELAY_P50 < 1000")"
  printf '%-44s %14s %14s %12s  %s\n' "first stream chunk, upstream->client p99 (us)" "$(field p99 "$PROBE_DIRECT")" \
      "$RELAY_P99" "" "(relay adds ~${RELAY_ADDED_P50} us at p50)"
} | tee "$OUT"
log "saved $OUT"
