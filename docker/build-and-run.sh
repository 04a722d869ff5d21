#!/usr/bin/env bash
# Proves the container image without a Docker engine or an image registry, and checks the
# monitoring files. From the repository root (or anywhere):
#
#   docker/build-and-run.sh                   everything below
#   SKIP_BUILD=1 docker/build-and-run.sh      reuse gateway-server/target/gearbox.jar
#   BASE_IMAGE=eclipse-temurin:17-jre docker/build-and-run.sh   use a base you can pull instead of jlink's
#   PROMPTS=FILE docker/build-and-run.sh      prompts for the load step (default ../shared/data/prompts/arena_hard.jsonl)
#   GEARBOX_PROOF_PORT=N                      first host port to try for the container (default 28080)
#   REPORT_PNG=FILE                           keep the chart `gearbox report` drew in the container
#
#  1. installs podman, buildah, runc and prometheus (for promtool) from Debian when missing;
#  2. checks docker/prometheus/prometheus.yml with promtool, the dashboard JSON (every panel has the
#     provisioned datasource and a query), and every dashboard query's PromQL with promtool;
#  3. builds the fat jar, then a JRE base image with jlink (docker/build-jre-base.sh);
#  4. builds docker/Dockerfile with podman, passing that base as BASE_IMAGE;
#  5. checks that an API key reaches the config from the environment (validate in the image);
#  6. runs the image with runc and the compose config mounted at /etc/gearbox/gearbox.yaml, waits
#     for /health/ready, runs the image's HEALTHCHECK, sends a chat completion and a stream with
#     curl, checks the non-root user, sends 80 arena-hard prompts with docker/load-demo.sh, runs
#     `gearbox report` on the decision log in the container and reads /metrics;
#  7. meanwhile Debian's Prometheus scrapes it every second, and every dashboard query is evaluated
#     against that data: a panel with no data although its series exist fails;
#  8. stops it with SIGTERM and checks that it drained (the JVM's exit code after SIGTERM is 143).
# Loopback only; every wait is bounded. Exits non-zero at the first failed check.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCKER="$ROOT/docker"
cd "$ROOT"
PORT="${GEARBOX_PROOF_PORT:-28080}"
IMAGE="${IMAGE:-localhost/gearbox:proof}"
JRE_IMAGE="localhost/gearbox-jre"
CONTAINER="gearbox-proof-$$"
DATASOURCE_UID="gearbox-prometheus"
DASHBOARD="$DOCKER/grafana/dashboards/gearbox.json"
WORK="$(mktemp -d)"
PROMPTS="${PROMPTS:-$ROOT/../shared/data/prompts/arena_hard.jsonl}"
RUN=(--runtime runc --ulimit nofile=1024:1024 --ulimit nproc=1024:1024)

log() { printf '[proof] %s\n' "$*"; }
fail() { printf '[proof] FAILED: %s\n' "$*" >&2; exit 1; }

PROM_PID=""
cleanup() {
  if [[ -n "$PROM_PID" ]]; then
    kill "$PROM_PID" 2>/dev/null || true
    wait "$PROM_PID" 2>/dev/null || true
  fi
  if podman container exists "$CONTAINER" 2>/dev/null; then
    podman rm -f -t 5 "$CONTAINER" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

install_missing() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v buildah >/dev/null || missing+=(buildah)
  command -v runc >/dev/null || missing+=(runc)
  command -v promtool >/dev/null || missing+=(prometheus)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  command -v unzip >/dev/null || missing+=(unzip)
  [[ -d /usr/share/fonts/truetype/dejavu ]] || missing+=(fonts-dejavu-core)
  /sbin/ldconfig -p | grep -q 'libfontconfig\.so\.1 ' || missing+=(libfontconfig1)
  [[ ${#missing[@]} -eq 0 ]] && return
  log "installing ${missing[*]}"
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

check_prometheus_config() {
  log "promtool check config docker/prometheus/prometheus.yml"
  promtool check config "$DOCKER/prometheus/prometheus.yml" | sed 's/^/[proof]   /'
}

check_dashboard() {
  log "dashboard: $(jq -r '.title' "$DASHBOARD"), $(jq '[.panels[] | select(.type != "row")] | length' "$DASHBOARD") panels"
  # Every panel that draws something names the provisioned datasource and has a non-empty query.
  local bad
  bad="$(jq -r --arg uid "$DATASOURCE_UID" '.panels[] | select(.type != "row")
      | select(.datasource.uid != $uid or (.targets | length) == 0
               or any(.targets[]; (.expr // "") == "" or .datasource.uid != $uid))
      | .title' "$DASHBOARD")"
  [[ -z "$bad" ]] || fail "panels without the datasource $DATASOURCE_UID or a query: $bad"
  grep -q "uid: $DATASOURCE_UID" "$DOCKER/grafana/provisioning/datasources/prometheus.yaml" \
      || fail "the provisioned datasource's uid is not $DATASOURCE_UID"
  # PromQL syntax: each query, with Grafana's variables given values, becomes a recording rule
  # that promtool parses.
  {
    echo "groups:"
    echo "  - name: gearbox-dashboard"
    echo "    rules:"
    jq -r '.panels[] | select(.type != "row") | .targets[].expr' "$DASHBOARD" \
      | sed -e 's/\$__rate_interval/1m/g' -e 's/\$__range/30m/g' -e 's/\$class/.*/g' \
      | awk '{n++; gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "      - record: gearbox:dashboard_query_%d\n        expr: \"%s\"\n", n, $0}'
  } > "$WORK/dashboard-rules.yml"
  log "promtool check rules (the dashboard's $(grep -c 'record:' "$WORK/dashboard-rules.yml") queries)"
  promtool check rules "$WORK/dashboard-rules.yml" | sed 's/^/[proof]   /'
}

build_jar() {
  if [[ "${SKIP_BUILD:-0}" == 1 && -f gateway-server/target/gearbox.jar ]]; then
    log "reusing gateway-server/target/gearbox.jar"
  else
    log "./mvnw -B -q -DskipTests package"
    ./mvnw -B -q -DskipTests package
  fi
}

build_image() {
  local base="${BASE_IMAGE:-}"
  # The previous run's image first, so its base can be replaced too instead of left dangling.
  podman rmi -f "$IMAGE" >/dev/null 2>&1 || true
  if [[ -z "$base" ]]; then
    log "building the JRE base $JRE_IMAGE with jlink"
    "$DOCKER/build-jre-base.sh" gateway-server/target/gearbox.jar "$JRE_IMAGE" 2>&1 | sed 's/^/[proof]   /'
    base="$JRE_IMAGE"
  fi
  log "podman build -f docker/Dockerfile --build-arg BASE_IMAGE=$base -t $IMAGE ."
  podman build --quiet --format docker --runtime runc --ignorefile docker/Dockerfile.dockerignore \
      -f docker/Dockerfile --build-arg "BASE_IMAGE=$base" -t "$IMAGE" . >/dev/null
  log "image $IMAGE: $(podman image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'), user $(podman image inspect "$IMAGE" --format '{{.Config.User}}'), healthcheck: $(podman image inspect "$IMAGE" --format '{{join .HealthCheck.Test " "}}')"
}

# A config whose API key is ${GEARBOX_PROOF_API_KEY}: validate succeeds only when the environment
# gives the container that variable.
check_key_from_environment() {
  cat > "$WORK/keyed.yaml" <<'EOF'
deployments:
  - name: keyed
    provider: openai
    base_url: http://127.0.0.1:9/v1
    api_key: ${GEARBOX_PROOF_API_KEY}
    model: some-model
tiers:
  fast: {deployments: [keyed]}
routing: {default_tier: fast}
EOF
  chmod 644 "$WORK/keyed.yaml"
  local mount="$WORK/keyed.yaml:/etc/gearbox/gearbox.yaml:ro"
  if podman run --rm --no-healthcheck "${RUN[@]}" -v "$mount" "$IMAGE" validate --config /etc/gearbox/gearbox.yaml \
      > "$WORK/unset.txt" 2>&1; then
    fail "validate passed without GEARBOX_PROOF_API_KEY set"
  fi
  grep -q GEARBOX_PROOF_API_KEY "$WORK/unset.txt" || fail "the error does not name the variable: $(cat "$WORK/unset.txt")"
  log "without the key: $(grep -m1 GEARBOX_PROOF_API_KEY "$WORK/unset.txt")"
  podman run --rm --no-healthcheck "${RUN[@]}" -e GEARBOX_PROOF_API_KEY=sk-proof-not-real -v "$mount" "$IMAGE" \
      validate --config /etc/gearbox/gearbox.yaml > "$WORK/set.txt" 2>&1 \
      || fail "validate failed with the key set: $(cat "$WORK/set.txt")"
  grep -q sk-proof-not-real "$WORK/set.txt" && fail "the API key was printed"
  log "with -e GEARBOX_PROOF_API_KEY: $(cat "$WORK/set.txt")"
}

# The first port from $PORT up that nothing on this machine listens on.
pick_free_port() {
  while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
    PORT=$((PORT + 1))
  done
}

start_container() {
  pick_free_port
  log "podman run ${RUN[*]} --health-interval disable -p 127.0.0.1:$PORT:8080 -v docker/gearbox.yaml:/etc/gearbox/gearbox.yaml:ro $IMAGE"
  # Podman schedules the image's HEALTHCHECK with a systemd timer, and there is no systemd here:
  # --health-interval disable keeps the check without the timer, and it is run by hand below.
  podman run -d --name "$CONTAINER" "${RUN[@]}" --health-interval disable -p "127.0.0.1:$PORT:8080" \
      -v "$DOCKER/gearbox.yaml:/etc/gearbox/gearbox.yaml:ro" "$IMAGE" > "$WORK/run.txt" 2>&1 \
      || fail "podman run: $(cat "$WORK/run.txt")"
  local started=$SECONDS
  until curl -sf "http://127.0.0.1:$PORT/health/ready" > "$WORK/ready.txt" 2>/dev/null; do
    if [[ "$(podman inspect "$CONTAINER" --format '{{.State.Running}}')" != true ]]; then
      podman logs "$CONTAINER" >&2
      fail "the container exited during startup"
    fi
    (( SECONDS - started < 90 )) || { podman logs "$CONTAINER" >&2; fail "not ready within 90 s"; }
    sleep 1
  done
  log "GET /health/ready -> $(cat "$WORK/ready.txt") after $(( SECONDS - started )) s"
  podman logs "$CONTAINER" 2>&1 | sed 's/^/[proof]   gearbox: /'
}

check_container() {
  podman healthcheck run "$CONTAINER" > "$WORK/health.txt" 2>&1 || fail "HEALTHCHECK: $(cat "$WORK/health.txt")"
  log "podman healthcheck run -> $(podman inspect "$CONTAINER" --format '{{.State.Health.Status}}')"
  log "process: $(podman top "$CONTAINER" user pid args | tail -n +2 | tr -s ' ')"
  [[ "$(podman top "$CONTAINER" user | tail -n +2 | tr -d ' ')" == 10001 ]] || fail "not running as uid 10001"

  local status
  status="$(curl -s -o "$WORK/chat.json" -D "$WORK/chat.headers" -w '%{http_code}' \
      "http://127.0.0.1:$PORT/v1/chat/completions" -H 'Content-Type: application/json' \
      -d '{"model": "auto", "messages": [{"role": "user", "content": "Write a haiku about gearboxes."}]}')"
  [[ "$status" == 200 ]] || fail "chat completion answered $status: $(cat "$WORK/chat.json")"
  jq -e '.choices[0].message.content | length > 0' "$WORK/chat.json" >/dev/null || fail "no answer: $(cat "$WORK/chat.json")"
  log "POST /v1/chat/completions (model auto) -> $status, $(jq -c '{model, usage}' "$WORK/chat.json")"
  log "  $(grep -i '^x-gearbox-' "$WORK/chat.headers" | tr -d '\r' | tr '\n' ' ')"

  curl -sN "http://127.0.0.1:$PORT/v1/chat/completions" -H 'Content-Type: application/json' \
      -d '{"model": "fast", "stream": true, "stream_options": {"include_usage": true},
           "messages": [{"role": "user", "content": "Say hello"}]}' > "$WORK/stream.txt"
  grep -q '^data: \[DONE\]' "$WORK/stream.txt" || fail "the stream did not end with [DONE]: $(tail -3 "$WORK/stream.txt")"
  log "POST /v1/chat/completions (stream) -> $(grep -c '^data: {' "$WORK/stream.txt") chunks, then [DONE]"

  if [[ -r "$PROMPTS" ]]; then
    log "docker/load-demo.sh --rate 20 --count 80 (the shared arena-hard prompts, model auto)"
    "$DOCKER/load-demo.sh" --url "http://127.0.0.1:$PORT" --rate 20 --count 80 --prompts "$PROMPTS" \
        | sed 's/^/[proof]   /'
  else
    log "no prompts at $PROMPTS (set PROMPTS=FILE): load demo skipped"
  fi

  # The decision log the compose config writes into the state volume, summarised in the container.
  podman exec "$CONTAINER" java -jar /opt/gearbox/gearbox.jar report --log /var/lib/gearbox/decisions \
      --out /tmp/report.png > "$WORK/report.txt" 2>&1 || fail "gearbox report in the container: $(cat "$WORK/report.txt")"
  log "podman exec ... gearbox report --log /var/lib/gearbox/decisions --out /tmp/report.png:"
  sed 's/^/[proof]   /' "$WORK/report.txt"
  podman cp "$CONTAINER:/tmp/report.png" "$WORK/report.png" >/dev/null 2>&1 || fail "no report.png in the container"
  log "report.png: $(stat -c %s "$WORK/report.png") bytes${REPORT_PNG:+, copied to $REPORT_PNG}"
  [[ -z "${REPORT_PNG:-}" ]] || cp "$WORK/report.png" "$REPORT_PNG"

  curl -sf "http://127.0.0.1:$PORT/metrics" > "$WORK/metrics.txt" || fail "GET /metrics"
  grep -q '^gearbox_requests_total{' "$WORK/metrics.txt" || fail "no gearbox_requests_total in /metrics"
  log "GET /metrics -> $(grep -c '^gearbox_' "$WORK/metrics.txt") gearbox_* samples, $(grep -o '^gearbox_[a-z_]*' "$WORK/metrics.txt" | sort -u | wc -l) names"
  # Which series the dashboard reads are live now; some appear only once their event happens
  # (an escalation, a cache hit, a 429 cool-down), so this is a report, not a check.
  local missing
  missing="$(jq -r '.panels[] | select(.type != "row") | .targets[].expr' "$DASHBOARD" \
      | grep -o 'gearbox_[a-z0-9_]*' | sort -u | while read -r series; do
          grep -q "^$series[{ ]" "$WORK/metrics.txt" || printf '%s ' "$series"; done)"
  log "dashboard series not in /metrics yet: ${missing:-none}"
  if promtool check metrics < "$WORK/metrics.txt" > "$WORK/lint.txt" 2>&1; then
    log "promtool check metrics: clean"
  else
    log "promtool check metrics reports (the metrics' own lint, not the image's):"
    sed 's/^/[proof]   /' "$WORK/lint.txt" | head -20
  fi
}

# Debian's Prometheus scrapes the container every second while the checks and the load run, so
# the dashboard's queries can be evaluated against real data.
start_prometheus() {
  PROM_PORT=$((PORT + 1000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$PROM_PORT") 2>/dev/null; do
    PROM_PORT=$((PROM_PORT + 1))
  done
  printf 'global: {scrape_interval: 1s}\nscrape_configs:\n  - job_name: gearbox\n    static_configs: [{targets: ["127.0.0.1:%s"]}]\n' \
      "$PORT" > "$WORK/prometheus.yml"
  prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
      --web.listen-address="127.0.0.1:$PROM_PORT" > "$WORK/prometheus.log" 2>&1 &
  PROM_PID=$!
  local started=$SECONDS
  until curl -sf "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null 2>&1; do
    kill -0 "$PROM_PID" 2>/dev/null || fail "prometheus did not start: $(tail -5 "$WORK/prometheus.log")"
    (( SECONDS - started < 30 )) || fail "prometheus not ready within 30 s"
    sleep 0.5
  done
  log "prometheus $(prometheus --version 2>&1 | awk 'NR==1{print $3}') scrapes the container every 1 s (127.0.0.1:$PROM_PORT)"
}

stop_prometheus() {
  kill "$PROM_PID" 2>/dev/null || true
  wait "$PROM_PID" 2>/dev/null || true
  PROM_PID=""
}

# Every panel's queries, evaluated by that Prometheus after the load. A panel with no data although
# every series it reads is in /metrics has a broken query (a wrong label, say): that fails. A panel
# whose series have not appeared yet (no escalation happened, say) is reported.
check_dashboard_queries() {
  sleep 3   # the last scrape after the load
  log "the dashboard's queries against that Prometheus (\$__range=5m, \$__rate_interval=1m, \$class=.*):"
  local broken=0 title series result count missing expr panel
  while IFS= read -r panel; do
    title="$(jq -r '.title' <<<"$panel")"
    count=0
    while IFS= read -r expr; do
      expr="$(sed -e 's/\$__rate_interval/1m/g' -e 's/\$__range/5m/g' -e 's/\$class/.*/g' <<<"$expr")"
      result="$(curl -sf --get "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$expr")" \
          || fail "Prometheus rejected a query of \"$title\": $expr"
      count=$((count + $(jq '.data.result | length' <<<"$result")))
    done < <(jq -r '.targets[].expr' <<<"$panel")
    missing=""
    for series in $(jq -r '.targets[].expr' <<<"$panel" | grep -o 'gearbox_[a-z0-9_]*' | sort -u); do
      grep -q "^$series[{ ]" "$WORK/metrics.txt" || missing+=" $series"
    done
    if [[ "$count" -gt 0 ]]; then
      log "  $(printf '%-46s %3d series' "$title" "$count")"
    elif [[ -n "$missing" ]]; then
      log "  $(printf '%-46s no data yet:%s not recorded' "$title" "$missing")"
    else
      log "  $(printf '%-46s NO DATA although its series exist' "$title")"
      broken=$((broken + 1))
    fi
  done < <(jq -c '.panels[] | select(.type != "row")' "$DASHBOARD")
  [[ "$broken" -eq 0 ]] || fail "$broken dashboard panel(s) show nothing although Gearbox exports their series"
}

stop_container() {
  local started=$SECONDS
  podman stop -t 30 "$CONTAINER" >/dev/null 2>&1
  local code
  code="$(podman inspect "$CONTAINER" --format '{{.State.ExitCode}}')"
  podman logs "$CONTAINER" 2>&1 | tail -1 | sed 's/^/[proof]   gearbox: /'
  # The JVM ends with 143 (128 + SIGTERM) once its shutdown hook, Gearbox's drain, has run.
  [[ "$code" == 0 || "$code" == 143 ]] || fail "exit code $code after SIGTERM"
  podman logs "$CONTAINER" 2>&1 | grep -q 'Gearbox stopped' || fail "no clean stop in the log"
  log "podman stop (SIGTERM) -> drained, exit code $code, in $(( SECONDS - started )) s"
  podman rm "$CONTAINER" >/dev/null 2>&1
}

install_missing
log "podman $(podman --version | awk '{print $3}'), buildah $(buildah --version | awk '{print $3}'), $(runc --version | head -1), promtool $(promtool --version 2>&1 | awk 'NR==1{print $3}')"
check_prometheus_config
check_dashboard
build_jar
build_image
check_key_from_environment
start_container
start_prometheus
check_container
check_dashboard_queries
stop_prometheus
stop_container
log "all checks passed"
