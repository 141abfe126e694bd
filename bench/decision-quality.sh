#!/usr/bin/env bash
# Decision-quality benchmark: replays every trace against every policy of bench/policies/ with `autoscalebot simulate`
# and writes docs/benchmarks.md (one table and one cost/SLO chart per trace).
#
#   mvn -B -q package -DskipTests     # once: this script builds nothing itself
#   bench/decision-quality.sh         # from anywhere; TRACES=/other/folder to read traces from elsewhere
#
# Beside the public traces it replays the synthetic set (io.autoscalebot.simulate.trace.SyntheticTrace, written to
# bench/target/synthetic with seed SEED, 2026 unless set; SYNTHETIC=0 leaves it out). The recommended default's
# settings are chosen on the synthetic set; the public traces are its out-of-sample test.
#
# Every policy of a trace gets the same model (per-process capacity, boot time, load scale, SLO), so the rows differ
# only in the decide plugin and what it is fed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=${AUTOSCALEBOT_HOME:-$ROOT/dist/target/autoscalebot}
BIN=$DIST/bin/autoscalebot
BENCH=$ROOT/bench/target
TRACES=${TRACES:-$ROOT/../shared/traces}
DOCS=$ROOT/docs

# The policies in table order. hpa-* form HPA's cost/SLO curve; predictive is the recommended default.
# predictive-*-off are its ablation: the forecast, the headroom, the reactive floor and the smoothed level each turned
# off; then the second round's default, the first round's (floor on the load now) and the previous default (no floor,
# 10-minute hold-down) for comparison.
POLICIES=${POLICIES:-"original average-threshold hpa-0.4 hpa-0.5 hpa-0.6 hpa-0.7 hpa-0.8 hpa-0.9 predictive predictive-forecast-off predictive-headroom-off predictive-floor-off predictive-level-off predictive-round2 predictive-spread-floor predictive-old-default"}

# The same for every trace: a web process serves 5 requests/s (200 ms each), boots in 60 s, is decided on every
# minute, and requests should average at most 500 ms.
MODEL=(--capacity 5 --boot 60s --slo 500ms --kind web)

# The load scale per trace, so that a handful to a few tens of processes are needed (documented in docs/benchmarks.md).
scale_for() {
  case "$1" in
    nasa-1995-per-minute.csv) echo 15 ;;        # ~40 req/min: mean 10 req/s, busiest minute 101 req/s (~22 processes)
    wikipedia-2020-hourly.csv) echo 0.008 ;;    # ~6,300 views/s: mean 51 req/s, busiest hour 94 req/s (~21 processes)
    synthetic-*-x15.csv) echo 15 ;;             # generated at ~40 req/min like NASA, replayed as NASA is
    synthetic-*.csv) echo 1 ;;                  # generated at a mean of 600 req/min = 10 req/s already
    *) return 1 ;;
  esac
}

if [[ ! -x $BIN || ! -d $BENCH/lib ]]; then
  echo "error: $BIN or $BENCH/lib is missing; build first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
if [[ ! -d $TRACES ]]; then
  echo "error: no trace folder at $TRACES; set TRACES to the folder holding the CSV traces" >&2
  exit 2
fi

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/decision-quality.XXXXXX")
trap 'rm -rf "$RESULTS"' EXIT

SYNTHETIC_TRACES=()
if [[ ${SYNTHETIC:-1} != 0 ]]; then
  java -cp "$BENCH/classes:$BENCH/lib/*" io.autoscalebot.bench.GenerateTraces "$BENCH/synthetic" "${SEED:-2026}"
  SYNTHETIC_TRACES=("$BENCH"/synthetic/*.csv)
fi

for trace in "$TRACES"/*.csv "${SYNTHETIC_TRACES[@]}"; do
  name=$(basename "$trace")
  if ! scale=$(scale_for "$name"); then
    echo "skipping $name: no load scale for it; add one to scale_for in $0" >&2
    continue
  fi
  out=$RESULTS/${name%.csv}
  mkdir -p "$out"
  printf '%s\n' "$trace" > "$out/trace.path"
  for policy in $POLICIES; do
    config=$ROOT/bench/policies/$policy.toml
    measure=$(sed -n 's/^# bench-measure: //p' "$config")
    echo "simulating $name with $policy (fed $measure)" >&2
    "$BIN" simulate --config "$config" --group web --trace "$trace" "${MODEL[@]}" --scale "$scale" \
      --measure "$measure" --json > "$out/$policy.json"
  done
done

COMMAND="mvn -q package -DskipTests && bench/decision-quality.sh"
java -cp "$BENCH/classes:$BENCH/lib/*" io.autoscalebot.bench.Report "$RESULTS" "$ROOT/bench/policies" "$DOCS" \
  "$COMMAND" $POLICIES
echo "wrote $DOCS/benchmarks.md" >&2
