#!/usr/bin/env bash
# Fetch, start and stop the project's own single-node Elasticsearch 9 (server-core test distribution from Maven Central).
# Usage: scripts/elasticsearch.sh start|stop|status|pid
#
# The download is cached in the git-ignored .cache/ of the checkout. The node itself (distribution, data, pid, log)
# lives in a folder per port: .cache/elasticsearch-<port> for a normal user; as root, where Elasticsearch must run as
# a system user of its own, /var/lib/jobmatch/elasticsearch-<port>, owned by that user, so that no folder of the
# checkout needs opening up, and every checkout on the machine finds the same node.
set -euo pipefail

ES_VERSION="${JOBMATCH_ES_VERSION:-9.5.4}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${JOBMATCH_CACHE_DIR:-$ROOT/.cache}"
M2="$CACHE/m2"
PORT="${JOBMATCH_ES_PORT:-9200}"
URL="http://127.0.0.1:$PORT"
ES_USER="${JOBMATCH_ES_USER:-jobmatch-es}"
if [ "$(id -u)" = 0 ]; then NODE_DIR="/var/lib/jobmatch/elasticsearch-$PORT"; else NODE_DIR="$CACHE/elasticsearch-$PORT"; fi
HOME_DIR="$NODE_DIR/elasticsearch-$ES_VERSION"
DATA_DIR="$NODE_DIR/data"
PID_FILE="$NODE_DIR/elasticsearch.pid"

healthy() { curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }
# A pid file left by a machine that stopped may name a process that is not Elasticsearch any more.
running() { [ -s "$PID_FILE" ] && ps -ww -p "$(cat "$PID_FILE")" -o args= 2>/dev/null | grep -q org.elasticsearch; }

find_jdk() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  local jdk
  for jdk in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*-25-* /usr/lib/jvm/temurin-2[1-9]*; do
    if [ -x "$jdk/bin/java" ]; then echo "$jdk"; return; fi
  done
  echo "No JDK 21 or newer found: set ES_JAVA_HOME (Elasticsearch 9 runs on Temurin 25)" >&2
  exit 1
}

install_node() {
  [ -x "$HOME_DIR/bin/elasticsearch" ] && return
  local zip="$M2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
  if [ ! -s "$zip" ]; then
    echo "Fetching Elasticsearch $ES_VERSION from Maven Central…"
    mvn -q -B -Dmaven.repo.local="$M2" org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" -Dtransitive=false
  fi
  echo "Unpacking Elasticsearch $ES_VERSION into $NODE_DIR…"
  mkdir -p "$NODE_DIR"
  rm -rf "$HOME_DIR.tmp" && mkdir -p "$HOME_DIR.tmp"
  unzip -q "$zip" -d "$HOME_DIR.tmp"
  # Configure before moving into place, so an interrupted install never leaves an unconfigured node.
  cat >> "$HOME_DIR.tmp/elasticsearch-$ES_VERSION/config/elasticsearch.yml" <<YML
cluster.name: jobmatch
node.name: jobmatch-$PORT
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
path.data: $DATA_DIR
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
  mv "$HOME_DIR.tmp/elasticsearch-$ES_VERSION" "$HOME_DIR" && rm -rf "$HOME_DIR.tmp"
}

wait_healthy() {
  for _ in $(seq 180); do
    if healthy; then echo "Elasticsearch is up at $URL"; return; fi
    if ! running; then break; fi
    sleep 1
  done
  echo "Elasticsearch did not become healthy; see $HOME_DIR/logs/ and $NODE_DIR/elasticsearch.out" >&2
  exit 1
}

start() {
  if healthy; then echo "Elasticsearch already running at $URL"; return; fi
  if running; then echo "Elasticsearch is starting; waiting for it…"; wait_healthy; return; fi
  install_node
  mkdir -p "$DATA_DIR"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    find "$NODE_DIR" ! -user "$ES_USER" -exec chown "$ES_USER": {} +
    run=(runuser -u "$ES_USER" --)
  fi
  echo "Starting Elasticsearch $ES_VERSION on $URL…"
  "${run[@]}" env ES_JAVA_HOME="$(find_jdk)" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms1g -Xmx1g}" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$PID_FILE" >"$NODE_DIR/elasticsearch.out" 2>&1
  wait_healthy
}

stop() {
  if ! running; then echo "Elasticsearch is not running (no live pid in $PID_FILE)"; return; fi
  local pid; pid="$(cat "$PID_FILE")"
  kill "$pid"
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || { echo "Elasticsearch stopped"; return; }; sleep 1; done
  echo "Elasticsearch did not stop within 60 s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if healthy; then echo "up at $URL"; else echo "down"; exit 1; fi ;;
  pid) if running; then cat "$PID_FILE"; else echo "Elasticsearch is not running" >&2; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|pid" >&2; exit 2 ;;
esac
