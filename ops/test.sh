#!/usr/bin/env bash
# Runs every test: Java (unit, integration over loopback sockets, browser) and the EA's logic under g++.
#   ops/test.sh                  (extra Maven arguments pass through, e.g. -Pproof for the long proofs)
set -euo pipefail
cd "$(dirname "$0")/.."
ops/install-test-deps.sh
export VPT_BROWSER_REQUIRED=1   # browser tests fail, never skip, when chromium is missing
bash mt5-ea/test/run.sh
mvn -B -ntp install "$@"
