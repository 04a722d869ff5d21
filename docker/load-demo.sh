#!/usr/bin/env bash
# Sends the shared arena-hard prompts to Gearbox as `model: auto` requests at a modest rate, so the
# Grafana dashboard of the compose stack fills: cost against baseline, share per tier, latency per
# request class. Every 4th request is streamed (time to first token) and every 10th repeats an
# earlier prompt (cache hits, when a cache is configured). Bounded in count and time; loopback or
# the compose host only.
#
#   docker/load-demo.sh                           1,250 prompts at 5 req/s against localhost:8080
#   docker/load-demo.sh --rate 10 --count 300     faster, fewer
#   docker/load-demo.sh --url http://127.0.0.1:18080 --prompts FILE --max-seconds 300
#
# FILE is JSON lines with a "messages" array per line (default ../shared/data/prompts/arena_hard.jsonl).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL="http://localhost:8080"
RATE=5
COUNT=0
PROMPTS="${PROMPTS:-$ROOT/../shared/data/prompts/arena_hard.jsonl}"
MAX_SECONDS=900
MAX_IN_FLIGHT=16

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) URL="${2:?}"; shift 2 ;;
    --rate) RATE="${2:?}"; shift 2 ;;
    --count) COUNT="${2:?}"; shift 2 ;;
    --prompts) PROMPTS="${2:?}"; shift 2 ;;
    --max-seconds) MAX_SECONDS="${2:?}"; shift 2 ;;
    *) usage ;;
  esac
done
[[ "$RATE" =~ ^[0-9]+$ && "$RATE" -ge 1 && "$RATE" -le 100 ]] || { echo "--rate: 1..100 requests per second" >&2; exit 2; }
[[ "$COUNT" =~ ^[0-9]+$ ]] || { echo "--count: a number (0: every prompt once)" >&2; exit 2; }
[[ -r "$PROMPTS" ]] || { echo "no prompts at $PROMPTS (give --prompts FILE)" >&2; exit 2; }
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done
curl -sf "$URL/health/ready" >/dev/null || { echo "Gearbox is not ready at $URL/health/ready" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'wait; rm -rf "$WORK"' EXIT
# One request body per line: auto routing, every 4th streamed, every 10th a repeat of the prompt
# five lines earlier.
jq -c --slurp '
  [.[] | .messages] as $all
  | range(0; $all | length) as $i
  | {model: "auto",
     messages: (if $i % 10 == 9 and $i >= 5 then $all[$i - 5] else $all[$i] end),
     max_tokens: 512}
  + (if $i % 4 == 3 then {stream: true, stream_options: {include_usage: true}} else {} end)' \
  "$PROMPTS" > "$WORK/bodies.jsonl"
total="$(wc -l < "$WORK/bodies.jsonl")"
[[ "$COUNT" -gt 0 && "$COUNT" -lt "$total" ]] && total="$COUNT"
echo "sending $total requests (model auto) to $URL at $RATE/s, at most $MAX_SECONDS s"

send() {
  local n="$1" body="$2"
  curl -s -o /dev/null -D "$WORK/h.$n" -w '%{http_code}\n' --max-time 120 \
      -H 'Content-Type: application/json' -d "$body" "$URL/v1/chat/completions" > "$WORK/s.$n" 2>/dev/null || echo 000 > "$WORK/s.$n"
}

interval="$(awk -v r="$RATE" 'BEGIN {printf "%.3f", 1 / r}')"
started=$SECONDS
n=0
while IFS= read -r body && [[ "$n" -lt "$total" ]]; do
  (( SECONDS - started < MAX_SECONDS )) || { echo "stopping after $MAX_SECONDS s"; break; }
  while [[ "$(jobs -rp | wc -l)" -ge "$MAX_IN_FLIGHT" ]]; do
    wait -n || true
  done
  send "$n" "$body" &
  n=$((n + 1))
  if (( n % 100 == 0 )); then
    echo "  $n/$total sent"
  fi
  sleep "$interval"
done < "$WORK/bodies.jsonl"
wait

echo "done: $n requests in $(( SECONDS - started )) s"
echo "status codes:"
cat "$WORK"/s.* | sort | uniq -c | sed 's/^/  /'
echo "answered by tier (x-gearbox-tier):"
cat "$WORK"/h.* 2>/dev/null | tr -d '\r' | awk -F': ' 'tolower($1) == "x-gearbox-tier" {print $2}' \
  | sort | uniq -c | awk -v n="$n" '{printf "  %-9s %5d  %5.1f%%\n", $2, $1, 100 * $1 / n}'
echo "request classes (x-gearbox-class):"
cat "$WORK"/h.* 2>/dev/null | tr -d '\r' | awk -F': ' 'tolower($1) == "x-gearbox-class" {print $2}' \
  | sort | uniq -c | sort -rn | awk '{printf "  %-10s %5d\n", $2, $1}'
