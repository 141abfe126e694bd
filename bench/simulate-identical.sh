#!/usr/bin/env bash
# Checks that two builds of autoscalebot decide the same: replays both public traces against the given policies with
# `autoscalebot simulate --json` from each distribution and compares the outputs byte for byte (the trace's source
# path aside, which is the same file). For speed work, which must not change a single decision.
#
#   bench/simulate-identical.sh BEFORE_DIST [AFTER_DIST]
#       BEFORE_DIST: an unpacked distribution of the reference build (e.g. a copy of dist/target/autoscalebot made
#       before the change); AFTER_DIST defaults to this checkout's dist/target/autoscalebot.
#   POLICIES="predictive hpa-0.7" (default) names policies of bench/policies/; TRACES=folder of the traces.
# Exit 0 when every output is identical, 1 (with a diff) when one differs, 2 on a usage error.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [[ $# -lt 1 || ! -x $1/bin/autoscalebot ]]; then
  echo "usage: $0 BEFORE_DIST [AFTER_DIST]  (each an unpacked distribution holding bin/autoscalebot)" >&2
  exit 2
fi
BEFORE=$1
AFTER=${2:-$ROOT/dist/target/autoscalebot}
TRACES=${TRACES:-$ROOT/../shared/traces}
POLICIES=${POLICIES:-"predictive hpa-0.7"}
MODEL=(--capacity 5 --boot 60s --slo 500ms --kind web)

# The load scale per trace, as bench/decision-quality.sh uses.
scale_for() {
  case "$1" in
    nasa-1995-per-minute.csv) echo 15 ;;
    wikipedia-2020-hourly.csv) echo 0.008 ;;
    *) return 1 ;;
  esac
}

OUT=$(mktemp -d "${TMPDIR:-/tmp}/simulate-identical.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
differ=0
for trace in "$TRACES"/nasa-1995-per-minute.csv "$TRACES"/wikipedia-2020-hourly.csv; do
  if [[ ! -f $trace ]]; then
    echo "error: no trace at $trace; set TRACES to the folder holding the public traces" >&2
    exit 2
  fi
  name=$(basename "$trace" .csv)
  scale=$(scale_for "$name.csv")
  for policy in $POLICIES; do
    config=$ROOT/bench/policies/$policy.toml
    measure=$(sed -n 's/^# bench-measure: //p' "$config")
    for side in before after; do
      dist=$BEFORE
      [[ $side == after ]] && dist=$AFTER
      "$dist/bin/autoscalebot" simulate --config "$config" --group web --trace "$trace" "${MODEL[@]}" \
        --scale "$scale" --measure "$measure" --json > "$OUT/$name-$policy.$side.json"
    done
    if cmp -s "$OUT/$name-$policy.before.json" "$OUT/$name-$policy.after.json"; then
      echo "identical: $name with $policy"
    else
      echo "DIFFERENT: $name with $policy"
      diff "$OUT/$name-$policy.before.json" "$OUT/$name-$policy.after.json" || true
      differ=1
    fi
  done
done
exit $differ
