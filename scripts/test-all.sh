#!/usr/bin/env bash
# Runs every test: generated-code check, Go (SQLite and PostgreSQL), the apps' Vitest suites,
# the benchmark smoke run and the browser end-to-end suite. Needs Go, Node, PostgreSQL's
# server binaries and Chromium: installs the last two with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step says when it starts and how long the one before took, and the run ends with the
# table, so that a slow step shows (README, "Test it", gives the usual times).
timings=()
t_last=$SECONDS
t_name=""
step() {
  if [ -n "$t_name" ]; then timings+=("$(printf '%5d s  %s' $((SECONDS - t_last)) "$t_name")"); fi
  t_last=$SECONDS
  t_name="$*"
  printf '\n==> %s\n' "$*"
}
report() {
  if [ -n "$t_name" ]; then timings+=("$(printf '%5d s  %s' $((SECONDS - t_last)) "$t_name")"); fi
  printf '\n==> times\n'
  printf '%s\n' "${timings[@]}"
  printf '%5d s  in all\n' "$SECONDS"
}

# pnpm's version is pinned here, in scripts/example.mjs and .ci/run (not in package.json: its
# packageManager field stops yarn 1 from running the example).
command -v pnpm >/dev/null && [ "$(pnpm --version)" = 12.4.2 ] || npm i -g pnpm@12.4.2

# PostgreSQL's server and Chromium: installed from the system's packages when missing (Debian/Ubuntu).
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    step "installing ${missing[*]} (apt-get)"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]} (PostgreSQL server binaries; Chromium at /usr/bin/chromium or CHROMIUM_PATH)" >&2
    exit 1
  fi
fi
step "install node modules"
CI=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 pnpm install --frozen-lockfile
go mod download

step "generated code is current"
bash scripts/check-generated.sh

step "build the apps (embedded into the server)"
pnpm -r build

step "go vet"
go vet ./...

step "golangci-lint (pinned in go.mod, config .golangci.yml; any finding fails)"
go tool golangci-lint run ./...

step "lint the apps (ESLint: typescript-eslint, react-hooks, jsx-a11y; any finding fails)"
pnpm lint

started_pg=""
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pgdir=$(mktemp -d /tmp/kyc-test-pg.XXXXXX)
  TEST_DATABASE_URL=$(bash scripts/pg.sh start "$pgdir" "${TEST_PG_PORT:-55433}")
  export TEST_DATABASE_URL
  started_pg=$pgdir
  trap 'bash scripts/pg.sh stop "$started_pg"' EXIT
fi

step "go test (SQLite and PostgreSQL)"
# Packages run in parallel on few cores; the server package alone takes minutes (every API test on
# both databases, with phone-sized photos), past go test's 10-minute default on a loaded machine.
go test -count=1 -timeout 30m ./...

step "fuzz the parsers that anonymous input reaches (6 s each)"
# One instrumented test binary for the four targets: `go test -fuzz` per target rebuilt and
# relinked it each time (≈ 60 s each here, 273 s in all for 24 s of fuzzing).
fuzz_dir=$(mktemp -d /tmp/kyc-fuzz.XXXXXX)
go test -c -fuzz=. -o "$fuzz_dir/graph.test" ./graph
for target in FuzzPrepareImage FuzzScanJPEG FuzzParseCursor FuzzSignerVerify; do
  # In the package's folder, so that its seed corpus (testdata/fuzz) is read and a crasher
  # is written there, as go test -fuzz does.
  (cd graph && "$fuzz_dir/graph.test" -test.run '^$' -test.fuzz "^${target}\$" -test.fuzztime 6s \
    -test.fuzzminimizetime 1s -test.fuzzcachedir "$fuzz_dir/cache")
done
rm -rf "$fuzz_dir"

step "app unit tests (Vitest; the SDK also against a real server)"
go build -o bin/kyc-server ./server
sdk_dir=$(mktemp -d /tmp/kyc-sdk-test.XXXXXX)
sdk_port=${SDK_TEST_PORT:-18560} # apart from the e2e servers' ports (E2E_PORT, +1)
ADDR=127.0.0.1:$sdk_port DATA_DIR="$sdk_dir" PUBLIC_URL=http://127.0.0.1:$sdk_port \
  KYC_REVIEWER_EMAIL=sdk@example.com KYC_REVIEWER_PASSWORD=sdk-test-password \
  ./bin/kyc-server >"$sdk_dir/server.log" 2>&1 &
sdk_pid=$!
node -e 'const go=async()=>{for(let i=0;i<200;i++){try{if((await fetch(process.argv[1])).ok)return}catch{}await new Promise(r=>setTimeout(r,100))}process.exit(1)};go()' http://127.0.0.1:$sdk_port/readyz
KYC_API_URL=http://127.0.0.1:$sdk_port/graphql KYC_REVIEWER_EMAIL=sdk@example.com KYC_REVIEWER_PASSWORD=sdk-test-password \
  NODE_OPTIONS=--experimental-websocket pnpm -r test || { kill "$sdk_pid"; cat "$sdk_dir/server.log"; exit 1; }
step "GraphQL over HTTP conformance (graphql-http server audits, every MUST and SHOULD)"
node scripts/graphql-http-audit.mjs http://127.0.0.1:$sdk_port/graphql || { kill "$sdk_pid"; exit 1; }
kill "$sdk_pid"; wait "$sdk_pid" 2>/dev/null || true

step "the example starts with npm and with yarn 1 (scripts/example-smoke.sh)"
bash scripts/example-smoke.sh

step "browser end-to-end (Playwright + system Chromium)"
pnpm exec playwright test
report
