#!/usr/bin/env bash
# The README's example command works under each package manager a newcomer may use: it runs
# `npm run kyc-manual-review-example` and yarn 1's `yarn run kyc-manual-review-example` (pnpm's
# is what test-all.sh and CI use all along), each on its own port with a temporary data folder,
# waits until the server answers /readyz and serves the KYC app's page, then stops it.
# The first run installs/builds what is missing; the second finds it done (the example skips
# work already done), so together they take about as long as one server start.
# Usage: bash scripts/example-smoke.sh   (EXAMPLE_SMOKE_PORT, default 18570; uses port .. port+3)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${EXAMPLE_SMOKE_PORT:-18570}
YARN=${YARN:-yarn@1.22.22}

smoke() { # name port command...
  local name=$1 port=$2; shift 2
  local dir; dir=$(mktemp -d /tmp/kyc-example-smoke.XXXXXX)
  echo "-- $name: $* --port $port (data in $dir)"
  # Its own process group, so that stopping it stops npm/yarn, node and the server together.
  KYC_NO_BROWSER=1 DATA_DIR="$dir/data" setsid "$@" --port "$port" >"$dir/log" 2>&1 &
  local pid=$! ok=""
  for _ in $(seq 1 900); do # up to 3 min: a first run may install and build
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 &&
      curl -fsS "http://127.0.0.1:$port/kyc/" 2>/dev/null | grep -q '<div id="root">'; then
      ok=1
      break
    fi
    sleep 0.2
  done
  # The launcher prints its links once it sees the server ready itself: give it the moment
  # (stopping it as soon as /readyz answered raced that and failed a CI run).
  for _ in $(seq 1 50); do
    if [ -z "$ok" ] || grep -q 'KYC Manual Review is running' "$dir/log"; then break; fi
    sleep 0.2
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$ok" ]; then
    echo "FAIL: $name did not serve the KYC app on port $port; its output:" >&2
    cat "$dir/log" >&2
    rm -rf "$dir"
    return 1
  fi
  grep -q 'KYC Manual Review is running' "$dir/log" || { echo "FAIL: $name printed no links" >&2; cat "$dir/log" >&2; return 1; }
  echo "ok: $name served /readyz and /kyc/ (steps: $(sed 's/\x1b\[[0-9;]*m//g' "$dir/log" | grep -o '^▸ [^…]*' | sed 's/^▸ //' | paste -sd ',' -))"
  rm -rf "$dir"
}

failed=0
smoke npm "$base" npm run --silent kyc-manual-review-example -- || failed=1
smoke "yarn 1" "$((base + 2))" npx --yes "$YARN" run --silent kyc-manual-review-example || failed=1
exit $failed
