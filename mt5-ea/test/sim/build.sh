#!/usr/bin/env bash
# Builds ea_sim: QuantSupraAI.mq5 with every include compiled whole over the simulated terminal.
#   mt5-ea/test/sim/build.sh OUT_DIR [extra g++ flags...]    -> OUT_DIR/ea_sim
# translate.pl rewrites, on copies in OUT_DIR/ea, only what C++ cannot read (see its header).
set -euo pipefail
sim="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ea="$(cd "$sim/../.." && pwd)"
out="$1"; shift
mkdir -p "$out/ea/Include"
for h in "$ea"/Include/*.mqh; do perl "$sim/translate.pl" < "$h" > "$out/ea/Include/$(basename "$h")"; done
perl "$sim/translate.pl" --prototypes < "$ea/QuantSupraAI.mq5" > "$out/ea/QuantSupraAI.mq5"
"${CXX:-g++}" -std=c++17 -Wall -Wextra -Werror -Wno-unused-parameter "$@" -D__MQL5__ \
  -DVPT_EA_SOURCE="\"$out/ea/QuantSupraAI.mq5\"" -I"$sim/.." -I"$sim" "$sim/ea_main.cpp" -o "$out/ea_sim"
