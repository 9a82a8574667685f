#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server on a private port:
#   scripts/with-postgres.sh npm test
# (as root: PostgreSQL refuses to run as root, so the server runs as `postgres`).
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55432}
PGDATA=$(mktemp -d /tmp/pgci.XXXXXX)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
run_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" \
  -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 ${PG_EXTRA_OPTS:--c fsync=off -c synchronous_commit=off}" -w start >/dev/null
cleanup() { run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true; rm -rf "$PGDATA"; }
trap cleanup EXIT
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
"$@"
