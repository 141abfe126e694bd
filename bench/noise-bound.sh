#!/usr/bin/env bash
# The noise bound (issue 11, docs/benchmarks.md "How far a policy without the minute's count can go"): how cheap a
# policy could be that is told the load's level around each minute, in time, but not the minute's own count. Prints,
# per trace, the cheapest spare of each rule whose SLO-broken minutes stay within the trace's bar, as a multiple of the
# oracle's process-hours (io.autoscalebot.bench.NoiseBound, the simulate module's trace reader, demand and billing).
#
#   mvn -B -q package -DskipTests     # once: this script builds nothing itself
#   bench/noise-bound.sh              # TRACES=/other/folder to read the public traces from elsewhere; K="2 5 10"
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench/target
TRACES=${TRACES:-$ROOT/../shared/traces}
K=${K:-"2 5 10"}
CP="$BENCH/classes:$BENCH/lib/*"

if [[ ! -d $BENCH/lib ]]; then
  echo "error: $BENCH/lib is missing; build first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
if [[ ! -f $TRACES/nasa-1995-per-minute.csv || ! -f $TRACES/wikipedia-2020-hourly.csv ]]; then
  echo "error: no public traces in $TRACES; set TRACES to the folder holding the CSV traces" >&2
  exit 2
fi
# The synthetic set as decision-quality.sh writes it (seed 2026): the same counts on every machine.
if [[ ! -f $BENCH/synthetic/synthetic-bursty-x15.csv ]]; then
  java -cp "$CP" io.autoscalebot.bench.GenerateTraces "$BENCH/synthetic" "${SEED:-2026}"
fi

# Trace, load scale (as decision-quality.sh replays it) and the bar of SLO-broken minutes: the issue's for the public
# traces (no more than today's: NASA 208, Wikipedia 2); for bursty-x15 the old default's 82, the third round's bar.
bound() {
  # shellcheck disable=SC2086 # K is a list of window half-widths
  java -cp "$CP" io.autoscalebot.bench.NoiseBound "$1" "$2" "$3" $K
}
bound "$TRACES/nasa-1995-per-minute.csv" 15 208
bound "$TRACES/wikipedia-2020-hourly.csv" 0.008 2
bound "$BENCH/synthetic/synthetic-bursty-x15.csv" 15 82
