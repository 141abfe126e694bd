#!/bin/sh
# Prints how fast `autoscalebot simulate` reads and replays the NASA trace (rows/s, replay seconds). Speed is checked
# with figures like these, not with timed tests, which fail on a busy machine and prove nothing on an idle one.
#
#   bench/simulate-speed.sh [TRACE.csv] [ROUNDS]      (from the repository root; needs Maven and JDK 17+)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
trace=${1:-"$root/../shared/traces/nasa-1995-per-minute.csv"}
rounds=${2:-5}
if [ ! -f "$trace" ]; then
  echo "simulate-speed: no trace at $trace; give the path of nasa-1995-per-minute.csv as the first argument" >&2
  exit 2
fi
cd "$root"
# Compiles the simulator and its tests only (never installs), and writes the test class path next to them.
mvn -q -pl autoscalebot-simulate -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/simulate-speed.classpath -Dmdep.includeScope=test
simulate="$root/autoscalebot-simulate/target"
engine="$root/autoscalebot-engine/target/classes"
api="$root/autoscalebot-api/target/classes"
# The reactor's own modules are taken from target/, never from a snapshot another build left in ~/.m2.
classpath=$(tr ':' '\n' < "$simulate/simulate-speed.classpath" | grep -v '/io/autoscalebot/' | paste -sd: -)
exec java -cp "$simulate/classes:$simulate/test-classes:$engine:$api:$classpath" \
  io.autoscalebot.simulate.SimulateSpeed "$trace" "$rounds"
