#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster for tests and benchmarks, and prints its
# URL. Needs PostgreSQL's server binaries (Debian: apt-get install postgresql).
#   scripts/pg.sh start [DIR] [PORT]   → prints postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable
#   scripts/pg.sh stop  [DIR]
# PG_DURABLE=1 scripts/pg.sh start … keeps fsync and synchronous_commit on.
set -euo pipefail
cmd=${1:-start}
dir=${2:-${TMPDIR:-/tmp}/kyc-pg-$$}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then bin=$(dirname "$(command -v initdb 2>/dev/null || command -v pg_ctl 2>/dev/null || echo /nonexistent/x)"); fi
if [ ! -x "$bin/initdb" ]; then
  echo "scripts/pg.sh: PostgreSQL server binaries not found (Debian: apt-get install postgresql)" >&2
  exit 1
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    # Fast and not crash-safe by default; PG_DURABLE=1 keeps PostgreSQL's durable defaults
    # (fsync, synchronous_commit, full_page_writes on), as benchmark figure 2 also reports.
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [ "${PG_DURABLE:-}" = 1 ]; then durability=""; fi
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=300" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: scripts/pg.sh start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
