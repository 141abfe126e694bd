#!/usr/bin/env bash
# Sweeps settings of the predictive decider over traces, one simulation at a time, and prints one line per
# (candidate, trace): cost as a multiple of the oracle's and SLO-broken minutes. This is how predictive's defaults were
# chosen on the synthetic set (docs/benchmarks.md, "Decisions under an honest model").
#
#   bench/predictive-sweep.sh CANDIDATES_FILE TRACE.csv...
#
# CANDIDATES_FILE holds one candidate a line: a name, a tab, then settings of [groups.web.decide] separated by ';'
# (e.g. "floor-0.3<TAB>service_time = \"200ms\"; response_goal = \"500ms\"; floor_headroom = 0.3"). Each candidate is
# bench/policies/predictive.toml with those lines appended, replayed with decision-quality.sh's model and scale.
# BASE=other.toml appends to that policy instead (e.g. bench/policies/predictive-old-default.toml, which sets nothing in
# [groups.web.decide], so a candidate can set any key without repeating one the base sets).
# Output (stdout, tab-separated): candidate, trace, cost ratio, SLO-broken minutes, process-hours.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${AUTOSCALEBOT_HOME:-$ROOT/dist/target/autoscalebot}/bin/autoscalebot
MODEL=(--capacity 5 --boot 60s --slo 500ms --kind web --measure utilisation)
if [[ $# -lt 2 ]]; then
  echo "usage: $0 CANDIDATES_FILE TRACE.csv..." >&2
  exit 2
fi
candidates=$1
shift

scale_for() {
  case "$(basename "$1")" in
    nasa-1995-per-minute.csv) echo 15 ;;
    wikipedia-2020-hourly.csv) echo 0.008 ;;
    synthetic-*-x15.csv) echo 15 ;;
    *) echo 1 ;;
  esac
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/predictive-sweep.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

while IFS=$'\t' read -r name settings; do
  [[ -z $name || $name == \#* ]] && continue
  config=$WORK/$name.toml
  cp "${BASE:-$ROOT/bench/policies/predictive.toml}" "$config"
  tr ';' '\n' <<< "$settings" | sed 's/^ *//' >> "$config"
  for trace in "$@"; do
    json=$("$BIN" simulate --config "$config" --group web --trace "$trace" "${MODEL[@]}" --scale "$(scale_for "$trace")" \
      --json)
    python3 -c 'import json,sys; m=json.loads(sys.argv[1])["metrics"]; print("%s\t%s\t%.3f\t%d\t%.1f" % (sys.argv[2], sys.argv[3], m["cost_ratio"], m["slo_broken_minutes"], m["process_hours"]))' \
      "$json" "$name" "$(basename "$trace" .csv)"
  done
done < "$candidates"
