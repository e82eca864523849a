#!/usr/bin/env bash
# Fails when regenerating ent, gqlgen or the apps' GraphQL types would change anything.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(ent graph apps/sdk/src/gql apps/kyc/src/gql apps/backoffice/src/gql)
before=$(git status --porcelain -- "${paths[@]}")
go generate ./ent
pnpm -r --silent gen >/dev/null
after=$(git status --porcelain -- "${paths[@]}")
if [ "$before" != "$after" ]; then
  echo "Generated code is out of date. Run: go generate ./ent && pnpm -r gen, and commit the result." >&2
  git --no-pager diff --stat -- "${paths[@]}" >&2
  git status --porcelain -- "${paths[@]}" >&2
  exit 1
fi
echo "generated code is current"
