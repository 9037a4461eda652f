#!/usr/bin/env bash
# Start or stop the web server (gunicorn) and the one scheduler process that `make run` brings up.
# Usage: scripts/processes.sh start [PORT] | stop
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_DIR="$ROOT/.cache/run"
BIN="$ROOT/.venv/bin"
export FLASK_APP=wsgi
# `make run` serves plain HTTP on this machine, where a Secure session cookie would not come back from every browser;
# behind TLS in production the default (Secure) applies.
export JOBMATCH_SECURE_COOKIES="${JOBMATCH_SECURE_COOKIES:-0}"
mkdir -p "$RUN_DIR" "$ROOT/instance"
cd "$ROOT"
# Every gunicorn worker must sign sessions with the same key, and restarts must not sign everyone out: without
# JOBMATCH_SECRET_KEY, a key is made once for this machine and kept in instance/secret_key (readable by its owner only).
if [ -z "${JOBMATCH_SECRET_KEY:-}" ]; then
  [ -s instance/secret_key ] || (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_hex(32))' >instance/secret_key)
  JOBMATCH_SECRET_KEY="$(cat instance/secret_key)"
  export JOBMATCH_SECRET_KEY
fi

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  local port="${1:-5000}"
  if alive "$RUN_DIR/scheduler.pid"; then
    echo "Scheduler already running"
  else
    nohup "$BIN/flask" jobs scheduler >>"$RUN_DIR/scheduler.log" 2>&1 &
    echo $! >"$RUN_DIR/scheduler.pid"
    sleep 2
    alive "$RUN_DIR/scheduler.pid" || { echo "The scheduler stopped at once; see .cache/run/scheduler.log" >&2; exit 1; }
    echo "Scheduler started (log: .cache/run/scheduler.log)"
  fi
  if alive "$RUN_DIR/web.pid"; then
    echo "Web server already running"
  else
    "$BIN/gunicorn" --daemon --pid "$RUN_DIR/web.pid" --bind "127.0.0.1:$port" \
      --worker-class gthread --workers 2 --threads 4 \
      --access-logfile "$RUN_DIR/access.log" --error-logfile "$RUN_DIR/web.log" wsgi:app
    answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" != 000 ]; }
    for _ in $(seq 30); do answers && break; sleep 0.5; done
    answers || { echo "The site does not answer; see .cache/run/web.log" >&2; exit 1; }
    echo "jobmatch is serving http://127.0.0.1:$port/ (make stop to stop everything)"
  fi
}

stop() {
  local name
  for name in web scheduler; do
    if alive "$RUN_DIR/$name.pid"; then
      kill "$(cat "$RUN_DIR/$name.pid")"
      for _ in $(seq 20); do alive "$RUN_DIR/$name.pid" || break; sleep 0.5; done
      echo "Stopped $name"
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

case "${1:-}" in
  start) start "${2:-5000}" ;;
  stop) stop ;;
  *) echo "usage: $0 start [PORT] | stop" >&2; exit 2 ;;
esac
