#!/usr/bin/env bash
# Fetch, start and stop the project's own single-node Elasticsearch 9 (server-core test distribution from Maven Central).
# Usage: scripts/elasticsearch.sh start|stop|status
set -euo pipefail

ES_VERSION="${JOBMATCH_ES_VERSION:-9.5.4}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${JOBMATCH_CACHE_DIR:-$ROOT/.cache}"
M2="$CACHE/m2"
HOME_DIR="$CACHE/elasticsearch-$ES_VERSION"
DATA_DIR="$CACHE/es-data"
PID_FILE="$CACHE/elasticsearch.pid"
PORT="${JOBMATCH_ES_PORT:-9200}"
URL="http://127.0.0.1:$PORT"
ES_USER="${JOBMATCH_ES_USER:-jobmatch-es}"

healthy() { curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

find_jdk() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  local jdk
  for jdk in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*-25-* /usr/lib/jvm/temurin-2[1-9]*; do
    if [ -x "$jdk/bin/java" ]; then echo "$jdk"; return; fi
  done
  echo "no JDK 21+ found: set ES_JAVA_HOME" >&2; exit 1
}

fetch() {
  [ -x "$HOME_DIR/bin/elasticsearch" ] && return
  echo "Fetching Elasticsearch $ES_VERSION from Maven Central…"
  mkdir -p "$CACHE"
  mvn -q -B -Dmaven.repo.local="$M2" org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" -Dtransitive=false
  local zip="$M2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
  rm -rf "$HOME_DIR.tmp" && mkdir -p "$HOME_DIR.tmp"
  unzip -q "$zip" -d "$HOME_DIR.tmp"
  mv "$HOME_DIR.tmp/elasticsearch-$ES_VERSION" "$HOME_DIR" && rm -rf "$HOME_DIR.tmp"
  cat >> "$HOME_DIR/config/elasticsearch.yml" <<YML
cluster.name: jobmatch
node.name: jobmatch-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
path.data: $DATA_DIR
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
}

start() {
  if healthy; then echo "Elasticsearch already running at $URL"; return; fi
  fetch
  mkdir -p "$DATA_DIR"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER": "$HOME_DIR" "$DATA_DIR"
    touch "$PID_FILE" && chown "$ES_USER": "$PID_FILE"
    # The service user must be able to reach the cache folder: let it traverse (not read) each parent folder.
    local dir="$CACHE"
    while [ "$dir" != "/" ]; do
      [ -n "$(find "$dir" -maxdepth 0 -perm -o=x)" ] || chmod o+x "$dir"
      dir="$(dirname "$dir")"
    done
    run=(runuser -u "$ES_USER" --)
  fi
  echo "Starting Elasticsearch $ES_VERSION on $URL…"
  "${run[@]}" env ES_JAVA_HOME="$(find_jdk)" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms1g -Xmx1g}" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$PID_FILE" >"$CACHE/elasticsearch.out" 2>&1
  for _ in $(seq 180); do
    if healthy; then echo "Elasticsearch is up at $URL"; return; fi
    sleep 1
  done
  echo "Elasticsearch did not become healthy; see $HOME_DIR/logs/" >&2
  exit 1
}

stop() {
  if [ -s "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    local pid; pid="$(cat "$PID_FILE")"
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    echo "Elasticsearch stopped"
  else
    echo "Elasticsearch is not running (no live pid in $PID_FILE)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if healthy; then echo "up at $URL"; else echo "down"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
