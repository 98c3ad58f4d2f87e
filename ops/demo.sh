#!/usr/bin/env bash
# Runs the whole loop on embedded defaults: host + gateway + terminal stand-in + UI on localhost.
#   ops/demo.sh --duration 60s        (see ops/demo.sh --help for ports, pace and a ticks file)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ops/target/lib ] || [ ! -d ops/target/plugins ] || [ -n "${REBUILD:-}" ]; then
  echo "building (first run only; REBUILD=1 forces it) ..."
  mvn -B -q -ntp install -DskipTests
fi
exec java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.Demo "$@"
