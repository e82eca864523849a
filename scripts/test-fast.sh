#!/usr/bin/env bash
# The fast tier (pnpm test:fast): the pure packages, the internal packages and the GraphQL
# resolvers on SQLite, with go vet, in well under 90 s on a 2-core machine. No PostgreSQL, no
# browser, no node modules: what a change to Go code should pass before the full `pnpm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
pkgs=(./workflow/... ./internal/... ./graph/...)
go vet "${pkgs[@]}"
# -short: the slower variants (photo-accuracy sweeps, long loads) run a small sample.
env -u TEST_DATABASE_URL go test -short -count=1 "${pkgs[@]}"
echo "fast tier: $((SECONDS - start)) s"
