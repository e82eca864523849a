#!/usr/bin/env bash
# Fails when regenerating ent, gqlgen or the apps' GraphQL types would change anything.
# It compares the content of every file under the generated paths before and after
# regenerating (not `git status`, which cannot see a file that was already modified change again),
# so it also works on a tree with uncommitted edits.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(ent graph apps/sdk/src/gql apps/backoffice/src/gql)
for p in "${paths[@]}"; do
  [ -d "$p" ] || { echo "check-generated: $p does not exist" >&2; exit 1; }
done
snapshot() { find "${paths[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; }
before=$(snapshot)
go generate ./ent
pnpm -r --silent gen >/dev/null
after=$(snapshot)
if [ "$before" != "$after" ]; then
  echo "Generated code is out of date. Run: go generate ./ent && pnpm -r gen, and commit the result." >&2
  echo "Changed, added or removed by regenerating:" >&2
  diff <(echo "$before") <(echo "$after") | sed -n 's/^[<>] [0-9a-f]*  //p' | sort -u | sed 's/^/  /' >&2
  exit 1
fi
# The migration files must make what the ent schema describes: on SQLite, and on PostgreSQL too
# when TEST_DATABASE_URL is set (pnpm test runs the PostgreSQL variant with the Go tests anyway).
run='TestMigrationsMatchEntSchema'
[ -n "${TEST_DATABASE_URL:-}" ] || run='TestMigrationsMatchEntSchema/sqlite'
if ! out=$(go test ./server -run "$run" -count=1 2>&1); then
  echo "$out" | grep -v '^\(FAIL\|ok\)' >&2
  echo "The migrations do not match ent/schema. Run: scripts/migration.sh <name>, and commit the files it writes." >&2
  exit 1
fi
echo "generated code is current"
