#!/bin/sh
# Runs the JMH benchmarks of bench/src (built by the README's build command) with JMH's own options, from the
# repository root so that the benchmarks' default trace paths (../shared/traces/...) resolve:
#
#   mvn -B -q package -DskipTests
#   bench/jmh.sh SimulateReplay                        # ticks/s of the simulate replay, after warm-up
#   bench/jmh.sh SimulateReplay -p decide=predictive   # one decide plugin (predictive, target-tracking, proportional)
#   bench/jmh.sh SimulateReplay -p trace=/path/to.csv -wi 1 -i 3
#   bench/jmh.sh -l                                    # list the benchmarks
#
# Benchmarks are never run by `mvn verify`; the build only compiles them.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/bench/target"
if [ ! -d "$bench/lib" ]; then
  echo "jmh: $bench is not built; build it first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
cd "$root"
exec java -cp "$bench/classes:$bench/lib/*" org.openjdk.jmh.Main "$@"
