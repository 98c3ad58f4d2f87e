#!/usr/bin/env bash
# Deterministic replay through the full host and the paper broker.
#   ops/replay.sh run --journal run/replay.db [--data ticks.csv] [--plugins folder] [--symbol-spec specs.json] ...
#   ops/replay.sh verify run/replay.db      (recompute the hash chain; exit 1 naming the first bad record)
#   ops/replay.sh digest run/replay.db      (the recomputed digest: compare two runs)
#   ops/replay.sh SUBCOMMAND --help         (every option)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ops/target/lib ] || mvn -B -q -ntp install -DskipTests
if [ "${1:-}" = run ] && [[ " $* " != *" --plugins "* ]] && [[ " $* " != *" --help "* ]]; then
  set -- "$@" --plugins ops/target/plugins
fi
# A replay is a batch job: the throughput collector (ops/bench/README.md, replay).
exec java -XX:+UseParallelGC -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.replay.ReplayMain "$@"
