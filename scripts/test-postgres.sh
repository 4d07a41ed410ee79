#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server (Debian's postgresql package) for the storage tests, in the directory
# given as $1 (created if need be), on the first free port from 55432 (or TEST_POSTGRES_PORT), and prints its
# URL. Installs the package when it is missing and we are root on Debian. Stop it with: runuser -u postgres -- pg_ctl -D DIR stop
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=${1:-$(mktemp -d /tmp/cotech-pg-XXXXXX)}
mkdir -p "$data"
chown postgres "$data"
port=${TEST_POSTGRES_PORT:-55432}
while ss -ltn | grep -q ":$port "; do port=$((port + 1)); done
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $data -c max_connections=200 -c fsync=off" start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
