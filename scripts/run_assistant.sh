#!/usr/bin/env bash
# Start the action server and the Rasa server with the web chat page (`run`), or the terminal chat (`shell`).
# Used by `make run` / `make shell`; MODEL is the trained model archive. Ctrl-C stops everything.
# Channels: REST and socket.io always; Slack and Teams when their credentials are set (scripts/write_credentials.py).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
BIN=.venv/bin
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
RUN_DIR="${RUN_DIR:-.run}"  # generated files and logs (tests use their own)
mkdir -p "$RUN_DIR"
endpoints="$RUN_DIR/endpoints.yml"
written=$($BIN/python scripts/write_endpoints.py)
[ "$written" -ef "$endpoints" ] || cp "$written" "$endpoints"
credentials=$($BIN/python scripts/write_credentials.py "$RUN_DIR/credentials.yml")

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# wait_for URL PID TRIES MESSAGE: until URL answers; stop with MESSAGE if the process PID has ended.
wait_for() {
  for _ in $(seq 1 "$3"); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "error: $4" >&2; exit 1; }
    sleep 0.5
  done
}

$BIN/rasa run actions --actions actions --port "$ACTIONS_PORT" >"$RUN_DIR/actions.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$ACTIONS_PORT/health" "${pids[0]}" 120 "the action server did not start; see $RUN_DIR/actions.log"

if [ "$mode" = "shell" ]; then
  $BIN/python -m rasa_runtime shell --model "$MODEL" --endpoints "$endpoints" --credentials "$credentials" \
    --interface 127.0.0.1 --port "$RASA_PORT"
  exit 0
fi

auth=()
[ -n "${RASA_AUTH_TOKEN:-}" ] && auth=(--auth-token "$RASA_AUTH_TOKEN")
echo "Starting the Rasa server on http://127.0.0.1:$RASA_PORT (REST: POST /webhooks/rest/webhook); Ctrl-C stops it."
# --cors: the web page (another port) talks to the socket.io channel.
$BIN/python -m rasa_runtime run --model "$MODEL" --endpoints "$endpoints" --credentials "$credentials" \
  --enable-api "${auth[@]}" --interface 127.0.0.1 --port "$RASA_PORT" \
  --cors "http://127.0.0.1:$WEB_PORT" "http://localhost:$WEB_PORT" &
pids+=($!)
WEB_PORT="$WEB_PORT" RASA_PORT="$RASA_PORT" $BIN/python scripts/web_page.py >"$RUN_DIR/web.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$RASA_PORT/status" "${pids[1]}" 600 "the Rasa server stopped"
if kill -0 "${pids[2]}" 2>/dev/null; then
  echo "Web chat page: http://127.0.0.1:$WEB_PORT/"
else
  echo "error: the web page did not start; see $RUN_DIR/web.log" >&2
fi
wait "${pids[1]}"
