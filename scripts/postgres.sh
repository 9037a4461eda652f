#!/usr/bin/env bash
# Install PostgreSQL from Debian's packages if needed, start its cluster and create the test role and database.
# Prints nothing but progress; the URL to use is postgresql+psycopg://jobmatch:jobmatch@127.0.0.1:5432/jobmatch_test
set -euo pipefail
"$(dirname "$0")/system-packages.sh" postgresql
cluster="$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')"
if [ -z "$cluster" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
# shellcheck disable=SC2086
pg_ctlcluster $cluster status >/dev/null 2>&1 || pg_ctlcluster $cluster start
for _ in $(seq 30); do runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break; sleep 1; done
runuser -u postgres -- pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL ($cluster) did not become ready" >&2; exit 1; }
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt -h /var/run/postgresql "$@"; }
[ "$(psql_admin -c "select 1 from pg_roles where rolname='jobmatch'")" = 1 ] || \
  psql_admin -c "create role jobmatch login password 'jobmatch' createdb"
[ "$(psql_admin -c "select 1 from pg_database where datname='jobmatch_test'")" = 1 ] || \
  psql_admin -c "create database jobmatch_test owner jobmatch"
echo "PostgreSQL ready: jobmatch_test on 127.0.0.1:5432"
