#!/usr/bin/env bash
# Deterministic replay through the full host and the paper broker.
#   ops/replay.sh run --journal run/replay.db [--data ticks.csv] [--plugins folder]
#   ops/replay.sh digest run/replay.db      (compare two runs)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ops/target/lib ] || mvn -B -q -ntp install -DskipTests
if [ "${1:-}" = run ] && [[ " $* " != *" --plugins "* ]]; then
  set -- "$@" --plugins ops/target/plugins
fi
exec java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.replay.ReplayMain "$@"
