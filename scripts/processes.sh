#!/usr/bin/env bash
# Start or stop the web server (gunicorn) and the one scheduler process that `make run` brings up.
# Usage: scripts/processes.sh start [PORT] | stop
# JOBMATCH_RUN_DIR (default .cache/run) holds pid files, logs and gunicorn's control socket: one folder per instance.
# JOBMATCH_STOP_TIMEOUT_S (default 45) bounds the wait for a process to exit after SIGTERM before it is killed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_DIR="${JOBMATCH_RUN_DIR:-$ROOT/.cache/run}"
# gunicorn's graceful timeout is 30 s, and the scheduler gives its job processes 30 s: a little more than both.
STOP_TIMEOUT_S="${JOBMATCH_STOP_TIMEOUT_S:-45}"
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

# A process that has exited but was not yet reaped by its parent (a zombie) counts as gone.
running() { kill -0 "$1" 2>/dev/null && [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != Z ]; }
alive() { [ -s "$1" ] && running "$(cat "$1")"; }

start() {
  local port="${1:-5000}"
  if alive "$RUN_DIR/scheduler.pid"; then
    echo "Scheduler already running"
  else
    nohup "$BIN/flask" jobs scheduler >>"$RUN_DIR/scheduler.log" 2>&1 &
    echo $! >"$RUN_DIR/scheduler.pid"
    sleep 2
    alive "$RUN_DIR/scheduler.pid" || { echo "The scheduler stopped at once; see $RUN_DIR/scheduler.log" >&2; exit 1; }
    echo "Scheduler started (log: $RUN_DIR/scheduler.log)"
  fi
  if alive "$RUN_DIR/web.pid"; then
    echo "Web server already running"
  else
    # A control socket of its own: by default every gunicorn of the machine's user shares $HOME/.gunicorn/gunicorn.ctl.
    "$BIN/gunicorn" --daemon --pid "$RUN_DIR/web.pid" --bind "127.0.0.1:$port" --control-socket "$RUN_DIR/gunicorn.ctl" \
      --worker-class gthread --workers 2 --threads 4 \
      --access-logfile "$RUN_DIR/access.log" --error-logfile "$RUN_DIR/web.log" wsgi:app
    # Ready when /healthz answers 200: the database answers (it asks Elasticsearch its health too, never a search).
    ready() { [ "$(curl -s -m 5 -o "$RUN_DIR/health.json" -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200 ]; }
    for _ in $(seq 60); do ready && break; sleep 0.5; done
    ready || { echo "The site is not ready (see $RUN_DIR/web.log): $(cat "$RUN_DIR/health.json" 2>/dev/null)" >&2; exit 1; }
    grep -q '"status":"ok"' "$RUN_DIR/health.json" || echo "Search is unavailable: $(cat "$RUN_DIR/health.json")" >&2
    echo "jobmatch is serving http://127.0.0.1:$port/ (make stop to stop everything)"
  fi
}

# SIGTERM, then wait for the process to exit; SIGKILL once STOP_TIMEOUT_S has passed. The pid file goes, and the
# process is reported stopped, only once it is gone: a start after this never makes a second one.
stop_process() {
  local name="$1" pid_file="$RUN_DIR/$1.pid" pid waited=0
  pid="$(cat "$pid_file")"
  kill "$pid" 2>/dev/null || true
  while running "$pid" && [ "$waited" -lt $((STOP_TIMEOUT_S * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
  if running "$pid"; then
    kill -9 "$pid" 2>/dev/null || true
    for _ in $(seq 100); do running "$pid" || break; sleep 0.1; done
    if running "$pid"; then
      echo "$name (pid $pid) is still running after SIGKILL; its pid file stays" >&2
      return 1
    fi
    echo "Killed $name: still running ${STOP_TIMEOUT_S} s after SIGTERM"
  else
    echo "Stopped $name"
  fi
  rm -f "$pid_file"
}

stop() {
  local name failed=0
  for name in web scheduler; do
    if alive "$RUN_DIR/$name.pid"; then
      stop_process "$name" || failed=1
    else
      rm -f "$RUN_DIR/$name.pid"
    fi
  done
  return "$failed"
}

case "${1:-}" in
  start) start "${2:-5000}" ;;
  stop) stop ;;
  *) echo "usage: $0 start [PORT] | stop" >&2; exit 2 ;;
esac
