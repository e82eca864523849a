#!/usr/bin/env bash
# Runs every test: generated-code check, Go (SQLite and PostgreSQL), the apps' Vitest suites,
# the benchmark smoke run and the browser end-to-end suite. Needs Go, Node, PostgreSQL's
# server binaries and Chromium (.ci/run installs the last two on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

command -v pnpm >/dev/null || npm i -g pnpm@12.4.2
step "install node modules"
CI=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 pnpm install --frozen-lockfile
go mod download

step "generated code is current"
bash scripts/check-generated.sh

step "build the apps (embedded into the server)"
pnpm -r build

step "go vet"
go vet ./...

started_pg=""
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pgdir=$(mktemp -d /tmp/kyc-test-pg.XXXXXX)
  TEST_DATABASE_URL=$(bash scripts/pg.sh start "$pgdir" "${TEST_PG_PORT:-55433}")
  export TEST_DATABASE_URL
  started_pg=$pgdir
  trap 'bash scripts/pg.sh stop "$started_pg"' EXIT
fi

step "go test (SQLite and PostgreSQL)"
go test -count=1 ./...

step "app unit tests (Vitest)"
pnpm -r test

step "browser end-to-end (Playwright + system Chromium)"
pnpm exec playwright test
