#!/usr/bin/env bash
# Builds and runs the EA's C++ harness: the pure MQL5 logic in ../Include/*.mqh compiled with g++ through
# shim.h. Exits non-zero on any compile error or failing check. Called by the project's test command/CI.
#   mt5-ea/test/run.sh            # build in a temporary folder, run everything
#   VPT_EA_BUILD=dir run.sh       # keep the binaries in dir
#   VPT_EA_SANITIZE=0 run.sh      # without AddressSanitizer/UBSan (on by default when g++ supports it)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
vectors="$here/vectors/governors"
packs="$repo/host/src/main/resources/rulepacks"
transcripts="$here/transcripts"
CXX="${CXX:-g++}"

if [[ -n "${VPT_EA_BUILD:-}" ]]; then
  build="$VPT_EA_BUILD"; mkdir -p "$build"
else
  build="$(mktemp -d "${TMPDIR:-/tmp}/vpt-ea-test.XXXXXX")"
  trap 'rm -rf "$build"' EXIT
fi

flags=(-std=c++17 -Wall -Wextra -Werror -O0 -g -I"$here")
if [[ "${VPT_EA_SANITIZE:-1}" == 1 ]] && echo 'int main(){}' | "$CXX" -x c++ -fsanitize=address,undefined -o "$build/san-probe" - 2>/dev/null; then
  flags+=(-fsanitize=address,undefined -fno-sanitize-recover=all)
fi

# name : arguments
tests=(
  "all_headers_test:"
  "scheduler_test:"
  "governors_test:$vectors $packs $here/vectors/weekend/weekend_by_pack.json"
  "risk_manager_test:$packs"
  "trade_engine_test:"
  "frames_test:$transcripts $here/../PROTOCOL.md"
  "link_test:"
  "ea_core_test:$packs"
  "sim_trade_server_test:"
)

failed=0
# the MQL5 rules check: what g++ accepts but MetaEditor refuses (mql5_rules.cpp). First its own cases must
# be reported exactly (mql5/*.mq5 mark the expected findings), then the EA's sources must have none.
if "$CXX" -std=c++17 -Wall -Wextra -Werror -O1 "$here/mql5_rules.cpp" -o "$build/mql5_rules"; then
  for case in "$here"/mql5/*.mq5; do
    "$build/mql5_rules" --expect "$here/mql5/api.txt" "$case" || { echo "FAILED: mql5 rules self-test $(basename "$case")"; failed=1; }
  done
  "$build/mql5_rules" "$here/mql5/api.txt" "$here"/../Include/*.mqh "$here/../QuantSupraAI.mq5" || { echo "FAILED: mql5 rules"; failed=1; }
else
  echo "BUILD FAILED: mql5_rules"; failed=1
fi

# every header compiles on its own (its includes are complete)
for h in "$here"/../Include/*.mqh; do
  printf '#include "shim.h"\n#include "%s"\nint main() { return 0; }\n' "$h" > "$build/self.cpp"
  if ! "$CXX" -std=c++17 -Wall -Wextra -Werror -fsyntax-only -I"$here" "$build/self.cpp"; then
    echo "NOT SELF-CONTAINED: $(basename "$h")"
    failed=1
  fi
done
echo "headers: $(ls "$here"/../Include/*.mqh | wc -l) compile on their own"

# compile in parallel (each test is its own translation unit), then run in order
pids=()
for entry in "${tests[@]}"; do
  name="${entry%%:*}"
  "$CXX" "${flags[@]}" "$here/$name.cpp" -o "$build/$name" 2>"$build/$name.log" &
  pids+=($!)
done
for i in "${!tests[@]}"; do
  name="${tests[$i]%%:*}"
  if ! wait "${pids[$i]}"; then
    cat "$build/$name.log"
    echo "BUILD FAILED: $name"
    failed=1
  fi
done
for entry in "${tests[@]}"; do
  name="${entry%%:*}"
  args="${entry#*:}"
  [[ -x "$build/$name" ]] || continue
  # shellcheck disable=SC2086
  if ! "$build/$name" $args; then
    echo "FAILED: $name"
    failed=1
  fi
done

# the whole EA: QuantSupraAI.mq5 with every include and its MQL5 glue, over the simulated terminal (sim/).
# sim/translate.pl rewrites only what C++ cannot read (#property, T x[] arrays, prototypes); then a smoke
# run: OnInit, ticks, timers, a refused connection (nothing listens on the port), OnDeinit.
if bash "$here/sim/build.sh" "$build" "${flags[@]:4}"; then
  printf 'EURUSD,1704191400000,1.10000,1.10010\nEURUSD,1704191400300,1.10005,1.10015\n' > "$build/smoke_ticks.csv"
  "$build/ea_sim" --ticks "$build/smoke_ticks.csv" --port 1 --seconds 1 > "$build/ea_sim.log" 2>&1 \
    && grep -q "account 5550001 synced" "$build/ea_sim.log" && grep -q "cannot connect to 127.0.0.1:1" "$build/ea_sim.log" \
    && echo "ea_sim: QuantSupraAI.mq5 compiled whole and ran (offline smoke)" \
    || { cat "$build/ea_sim.log"; echo "FAILED: ea_sim offline smoke"; failed=1; }
  # the hello's recent deals: the trade deals since the previous server day, oldest first (no deposit, nothing older)
  "$build/ea_sim" --ticks "$build/smoke_ticks.csv" --port 1 --print-hello > "$build/ea_hello.log" 2>&1 \
    && grep -q '"recentDeals":\[{"deal":902,.*"entry":"ENTRY_IN".*},{"deal":903,.*"entry":"ENTRY_OUT","volume":0.1,"price":1.1,"profit":-12.5,.*}\]}$' "$build/ea_hello.log" \
    && echo "ea_sim: the hello carries the deals since the previous server day" \
    || { cat "$build/ea_hello.log"; echo "FAILED: ea_sim hello recent deals"; failed=1; }
else
  echo "BUILD FAILED: QuantSupraAI.mq5 over the simulated terminal"; failed=1
fi

if [[ $failed -ne 0 ]]; then
  echo "mt5-ea harness: FAILED"
  exit 1
fi
echo "mt5-ea harness: all passed"
