#!/usr/bin/env bash
# Wall and user CPU time of `autoscalebot simulate --json` of the NASA trace end to end (issue 11's <= 1.5 s goal),
# with issue 11's two policies, and where that time goes: the same command on the trace's first 60 rows (JVM start,
# plugin loading, the configuration, a trace read and replay too short to count, the JSON) is the start-up share; the
# rest is reading the whole trace and replaying it. `--version` is the launcher and CLI alone. Medians of ROUNDS runs,
# interleaved (one of each command per round), so a busy machine slows every command alike: compare figures of one run.
# Each DIST gets a start-up archive cache of its own (XDG_CACHE_HOME in a temporary folder), made by one untimed run of
# each command before the rounds: the launcher makes an archive on first use, and distributions sharing one would keep
# replacing each other's. So the figures are those of every run after the first; JAVA_HOME picks the JDK.
#
#   mvn -B -q package -DskipTests                # once: the README's build; this script builds nothing itself
#   bench/simulate-wall.sh [ROUNDS] [DIST...]    # default: 5 rounds of this checkout's dist/target/autoscalebot;
#                                                # several DISTs (e.g. a copy made before a change) run interleaved
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
[[ $# -gt 0 ]] && shift
DISTS=("$@")
[[ ${#DISTS[@]} -eq 0 ]] && DISTS=("$ROOT/dist/target/autoscalebot")
TRACE=${TRACE:-$ROOT/../shared/traces/nasa-1995-per-minute.csv}
for dist in "${DISTS[@]}"; do
  if [[ ! -x $dist/bin/autoscalebot ]]; then
    echo "simulate-wall: no distribution at $dist; build it with: mvn -B -q package -DskipTests" >&2
    exit 2
  fi
done
if [[ ! -f $TRACE ]]; then
  echo "simulate-wall: no trace at $TRACE; set TRACE to the path of nasa-1995-per-minute.csv" >&2
  exit 2
fi
OUT=$(mktemp -d "${TMPDIR:-/tmp}/simulate-wall.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
head -61 "$TRACE" > "$OUT/short.csv"
MODEL=(--group web --capacity 5 --boot 60s --slo 500ms --kind web --scale 15 --measure utilisation --json)

# run NAME DIST ARGS...: appends "wall user" (seconds) to $OUT/NAME
run() {
  local name=$1 dist=$2
  shift 2
  local started ended
  started=$(date +%s.%N)
  # /usr/bin/time prints the user CPU seconds as the last line of the command's standard error.
  XDG_CACHE_HOME=$OUT/cache-${name%%.*} /usr/bin/time -f '%U' "$dist/bin/autoscalebot" "$@" > /dev/null 2> "$OUT/err" || {
    echo "simulate-wall: '$name' failed:" >&2; cat "$OUT/err" >&2; exit 1; }
  ended=$(date +%s.%N)
  echo "$(echo "$ended - $started" | bc) $(tail -1 "$OUT/err")" >> "$OUT/$name"
}

# One untimed run of each command per distribution, to make its archives (JDK 25 assembles them in the background).
for i in "${!DISTS[@]}"; do
  run "$i.first" "${DISTS[$i]}" --version
  for policy in predictive hpa-0.7; do
    run "$i.first" "${DISTS[$i]}" simulate --config "$ROOT/bench/policies/$policy.toml" --trace "$OUT/short.csv" \
      "${MODEL[@]}"
  done
done
for ((wait = 0; wait < 120; wait++)); do
  [[ -z $(find "$OUT" -path "$OUT/cache-*" -name '*.tmp*' 2>/dev/null) ]] && break
  sleep 1
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 0; round < ROUNDS; round++)); do
  for i in "${!DISTS[@]}"; do
    dist=${DISTS[$i]}
    run "$i.version" "$dist" --version
    for policy in predictive hpa-0.7; do
      run "$i.$policy.short" "$dist" simulate --config "$ROOT/bench/policies/$policy.toml" --trace "$OUT/short.csv" \
        "${MODEL[@]}"
      run "$i.$policy" "$dist" simulate --config "$ROOT/bench/policies/$policy.toml" --trace "$TRACE" "${MODEL[@]}"
    done
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf '%-10s %-22s %10s %10s\n' dist command 'wall s' 'user s'
for i in "${!DISTS[@]}"; do
  echo "dist $i: ${DISTS[$i]}"
  for name in version predictive.short predictive hpa-0.7.short hpa-0.7; do
    file="$OUT/$i.$name"
    printf '%-10s %-22s %10.2f %10.2f\n' "$i" "$name" "$(cut -d' ' -f1 "$file" | median)" \
      "$(cut -d' ' -f2 "$file" | median)"
  done
done
