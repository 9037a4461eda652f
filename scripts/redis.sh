#!/usr/bin/env bash
# Start and stop the project's own Redis (Debian's redis-server), the store that every gunicorn worker counts rate
# limits and sign-in backoff in. Usage: scripts/redis.sh start|stop|status
#
# It listens on 127.0.0.1 only, on port 6380 (JOBMATCH_REDIS_PORT): 6379 is where Debian's own service starts when the
# package is installed on a machine with an init system, and that one is not ours to stop. Its folder (configuration,
# snapshot, pid, log) is .cache/redis-<port> for a normal user; as root, where Redis runs as a system user of its own,
# /var/lib/jobmatch/redis-<port>, owned by that user, as for Elasticsearch.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${JOBMATCH_CACHE_DIR:-$ROOT/.cache}"
PORT="${JOBMATCH_REDIS_PORT:-6380}"
REDIS_USER="${JOBMATCH_REDIS_USER:-jobmatch-redis}"
if [ "$(id -u)" = 0 ]; then NODE_DIR="/var/lib/jobmatch/redis-$PORT"; else NODE_DIR="$CACHE/redis-$PORT"; fi
CONF="$NODE_DIR/redis.conf"
PID_FILE="$NODE_DIR/redis.pid"
LOG_FILE="$NODE_DIR/redis.log"

healthy() { [ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" = PONG ]; }
# A pid file left by a machine that stopped may name a process that is not Redis any more.
running() { [ -s "$PID_FILE" ] && ps -ww -p "$(cat "$PID_FILE")" -o args= 2>/dev/null | grep -q redis-server; }

configure() {
  mkdir -p "$NODE_DIR"
  # Counters live for a minute to a day; the snapshot keeps a backoff in force across a restart of Redis. Under memory
  # pressure the keys nearest their end go first (every key here has one).
  cat >"$CONF" <<CONF
bind 127.0.0.1
protected-mode yes
port $PORT
daemonize yes
pidfile $PID_FILE
logfile $LOG_FILE
dir $NODE_DIR
dbfilename dump.rdb
save 300 1
maxmemory 128mb
maxmemory-policy volatile-ttl
CONF
}

wait_healthy() {
  for _ in $(seq 50); do
    if healthy; then echo "Redis is up at 127.0.0.1:$PORT"; return; fi
    sleep 0.2
  done
  echo "Redis did not answer; see $LOG_FILE" >&2
  exit 1
}

start() {
  if healthy; then echo "Redis already running at 127.0.0.1:$PORT"; return; fi
  command -v redis-server >/dev/null || { echo "redis-server is missing: scripts/system-packages.sh redis-server (as root)" >&2; exit 1; }
  configure
  local run=()
  if [ "$(id -u)" = 0 ]; then
    id "$REDIS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$REDIS_USER"
    find "$NODE_DIR" ! -user "$REDIS_USER" -exec chown "$REDIS_USER": {} +
    run=(runuser -u "$REDIS_USER" --)
  fi
  echo "Starting Redis on 127.0.0.1:$PORT…"
  "${run[@]}" redis-server "$CONF"
  wait_healthy
}

stop() {
  if ! running; then echo "Redis is not running (no live pid in $PID_FILE)"; return; fi
  local pid; pid="$(cat "$PID_FILE")"
  kill "$pid"  # Redis saves its snapshot and exits
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { echo "Redis stopped"; return; }; sleep 0.1; done
  echo "Redis did not stop within 10 s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if healthy; then echo "up at 127.0.0.1:$PORT"; else echo "down"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
