#!/usr/bin/env bash
# Resident memory of each demo process over a run: starts the demo (host, gateway, terminal stand-in, UI) on
# spare ports with the installed system's heap limits (ConfigFile), prints each process's RSS once a minute, then
# its RSS and heap at the end and the live heap after a full GC.
#   ops/bench/rss.sh [minutes=10] [extra demo options]      (build first: ops/demo.sh builds once)
# The heap limits in ops/systemd/ and ops/install.sh's config come from this run (docs/config-reference.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-10}; shift || true
work=$(mktemp -d)
java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.Demo --duration "$((minutes * 60 + 30))s" \
  --work-dir "$work" --host-port 50951 --gateway-port 7988 --ui-port 8980 "$@" > "$work/demo.out" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true' EXIT
name() { tr '\0' ' ' < "/proc/$1/cmdline" | grep -oE 'com\.vproptrader\.[a-z.]+\.[A-Za-z]+Main' | sed 's/.*\.//'; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
sleep 20
for ((m = 1; m <= minutes; m++)); do
  sleep 60
  line="minute $m:"
  for pid in $(pgrep -P $demo); do line+=" $(name $pid)=$(rss_mib $pid)MiB"; done
  echo "$line"
done
heap_used() { jcmd "$1" GC.heap_info | sed -n 's/.*heap *total \([0-9]*\)K, used \([0-9]*\)K.*/committed \1 KiB, used \2 KiB/p' | head -1; }
for pid in $(pgrep -P $demo); do
  before="rss $(rss_mib $pid) MiB, heap $(heap_used $pid)"
  jcmd "$pid" GC.run > /dev/null
  echo "$(name $pid) after ${minutes} min: $before; after a full GC: heap $(heap_used $pid)"
done
wait $demo || true
grep -E 'demo summary' "$work/demo.out" || tail -5 "$work/demo.out"
