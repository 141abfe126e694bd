#!/bin/sh
# Start-up time of the short commands against `java -version` on the same JDK (issue 11): medians of ROUNDS runs,
# interleaved (one of each command per JDK per round), so a busy machine slows every command alike and the ratios in
# one run stay comparable. Absolute milliseconds mean little on a shared machine; compare ratios of the same run.
#
#   mvn -B -q package -DskipTests          # once: the README's build; this script builds nothing itself
#   bench/startup.sh [ROUNDS] [JDK_HOME...] # default: 15 rounds; the java on JAVA_HOME or PATH, and JDK 25 if present
#
# It runs the unpacked distribution (dist/target/autoscalebot) as a user would: bin/autoscalebot with no extra flags,
# from an empty folder (so no ./plugins is read), with a fresh user cache folder (XDG_CACHE_HOME) whose first run per
# JDK creates the class-data archive; that first run is printed apart and left out of the medians.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/dist/target/autoscalebot"
rounds=${1:-15}
[ $# -gt 0 ] && shift
if [ ! -x "$dist/bin/autoscalebot" ]; then
  echo "startup: $dist is not built; build it first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
if [ $# -gt 0 ]; then
  jdks="$*"
else
  if [ -n "${JAVA_HOME:-}" ]; then
    jdks=$JAVA_HOME
  else
    jdks=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && jdks="$jdks /usr/lib/jvm/temurin-25-jdk-amd64"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/cwd" "$work/cache"
cp "$root/examples/quickstart.toml" "$work/quickstart.toml"
export XDG_CACHE_HOME="$work/cache"
unset JAVA_OPTS || true

commands="java-version version plugins-list config-validate"

# Runs one command on one JDK; prints the wall time in microseconds. Output is discarded, but a failure stops the run.
run() { # JDK COMMAND
  jdk=$1
  case $2 in
    java-version) set -- "$jdk/bin/java" -version ;;
    version) set -- "$dist/bin/autoscalebot" --version ;;
    plugins-list) set -- "$dist/bin/autoscalebot" plugins list ;;
    config-validate) set -- "$dist/bin/autoscalebot" config validate --config "$work/quickstart.toml" ;;
  esac
  start=$(date +%s%N)
  if ! (cd "$work/cwd" && JAVA_HOME=$jdk "$@" >"$work/out" 2>&1); then
    echo "startup: failed on $jdk: $*" >&2
    cat "$work/out" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo $(((end - start) / 1000))
}

median() { # FILE -> median of its numbers (lines)
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "startup: $rounds rounds; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
index=0
for jdk in $jdks; do
  index=$((index + 1))
  echo "jdk$index: $jdk ($("$jdk/bin/java" -version 2>&1 | head -1))"
  for command in version plugins-list config-validate; do
    # The first run with an empty cache: it writes the class-data archive for the later ones.
    echo "  first run, empty cache: $command $(( $(run "$jdk" "$command") / 1000 )) ms"
  done
done

round=0
while [ "$round" -lt "$rounds" ]; do
  round=$((round + 1))
  index=0
  for jdk in $jdks; do
    index=$((index + 1))
    for command in $commands; do
      run "$jdk" "$command" >>"$work/jdk$index-$command"
    done
  done
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-16s %10s %7s\n' JDK COMMAND "MEDIAN ms" RATIO
index=0
for jdk in $jdks; do
  index=$((index + 1))
  base=$(median "$work/jdk$index-java-version")
  for command in $commands; do
    value=$(median "$work/jdk$index-$command")
    awk -v jdk="jdk$index" -v c="$command" -v v="$value" -v b="$base" \
      'BEGIN { printf "%-6s %-16s %10.0f %6.2fx\n", jdk, c, v / 1000, v / b }'
  done
done
