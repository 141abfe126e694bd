#!/bin/sh
# Prints how validation and redaction scale: config validate for 5,500 to 44,000 groups (bench/ConfigScale.java), and
# the cost of redacting one line for 1 to 10,000 secrets (bench/RedactionScale.java). Figures come from CPU time of
# the measuring thread, so a busy machine stretches them less than wall time; compare rows of one run, as ratios.
# Never a timed test: these print, and docs/reliability.md keeps the figures.
#
#   mvn -B -q package -DskipTests && bench/scaling.sh      (from the repository root; JDK 17+)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/dist/target/autoscalebot"
if [ ! -d "$dist/lib" ]; then
  echo "scaling: no distribution at $dist; build it first with mvn -B -q package -DskipTests" >&2
  exit 2
fi
cd "$root"
echo "== config validate, one JVM, after a warm-up"
java -Xmx2g --module-path "$dist/lib" --add-modules ALL-MODULE-PATH bench/ConfigScale.java "$dist/plugins"
echo
echo "== redacting one log line"
java --module-path "$dist/lib" --add-modules ALL-MODULE-PATH bench/RedactionScale.java
