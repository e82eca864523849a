#!/usr/bin/env bash
# Writes a versioned migration for a change to ent/schema, for SQLite and PostgreSQL:
#   scripts/migration.sh <name>         ent + Atlas plan the change (after go generate ./ent)
#   scripts/migration.sh -new <name>    empty files for SQL written by hand (then -hash)
#   scripts/migration.sh -hash          re-sum atlas.sum after editing a migration file
# The files land in ent/migrate/migrations/{sqlite,postgres}; review and commit them with the
# schema change. The PostgreSQL plan needs an empty database: a throwaway one is started with
# scripts/pg.sh (port MIGRATION_PG_PORT, default 55499) unless MIGRATION_DEV_URL names one.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=()
case "${1:-}" in
  -new) mode=(-new); shift ;;
  -hash) go run ./ent/migrate/cmd/diff -dialect sqlite -hash
         go run ./ent/migrate/cmd/diff -dialect postgres -hash
         echo "atlas.sum rewritten"; exit 0 ;;
  ""|-*) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
name=${1:?migration name, e.g. add_case_birth_date}
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name: lower-case letters, digits and _" >&2; exit 2; }
go run ./ent/migrate/cmd/diff -dialect sqlite "${mode[@]}" "$name"
if [ ${#mode[@]} -gt 0 ]; then
  go run ./ent/migrate/cmd/diff -dialect postgres "${mode[@]}" "$name"
  exit 0
fi
dev=${MIGRATION_DEV_URL:-}
if [ -z "$dev" ]; then
  pgdir=$(mktemp -d "${TMPDIR:-/tmp}/kyc-migration-pg.XXXXXX")
  trap 'bash scripts/pg.sh stop "$pgdir"' EXIT
  dev=$(bash scripts/pg.sh start "$pgdir" "${MIGRATION_PG_PORT:-55499}")
fi
go run ./ent/migrate/cmd/diff -dialect postgres -dev "$dev" "$name"
