#!/bin/sh
# Prints how fast `autoscalebot simulate` reads and replays the NASA trace (rows/s, replay seconds). Speed is checked
# with figures like these, not with timed tests, which fail on a busy machine and prove nothing on an idle one.
#
#   mvn -B -q package -DskipTests                      # once: the README's build; this script builds nothing itself
#   bench/simulate-speed.sh [TRACE.csv] [ROUNDS]       # from anywhere; needs only a JDK 17+
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
trace=${1:-"$root/../shared/traces/nasa-1995-per-minute.csv"}
rounds=${2:-5}
bench="$root/bench/target"
if [ ! -d "$bench/lib" ]; then
  echo "simulate-speed: $bench is not built; build it first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
if [ ! -f "$trace" ]; then
  echo "simulate-speed: no trace at $trace; give the path of nasa-1995-per-minute.csv as the first argument" >&2
  exit 2
fi
exec java -cp "$bench/classes:$bench/lib/*" io.autoscalebot.bench.SimulateSpeed "$trace" "$rounds"
