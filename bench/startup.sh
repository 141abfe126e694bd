#!/bin/sh
# Start-up time of the short commands against `java -version` on the same JDK (issue 11): medians of ROUNDS runs,
# interleaved (one of each command per JDK per round), so a busy machine slows every command alike and the ratios in
# one run stay comparable. Absolute milliseconds mean little on a shared machine; compare ratios of the same run.
#
#   mvn -B -q package -DskipTests          # once: the README's build; this script builds nothing itself
#   bench/startup.sh [ROUNDS] [JDK_HOME...] # default: 15 rounds; the java on JAVA_HOME or PATH, and JDK 25 if present
#   BEFORE=/tmp/old-dist bench/startup.sh 9 # also measures an older unpacked distribution in the same rounds, as
#                                           # before-version, before-plugins-list, before-config-validate
#
# It runs (a copy of) the unpacked distribution (dist/target/autoscalebot) as a user would: bin/autoscalebot with no extra flags,
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
trap 'exit 130' INT TERM
mkdir "$work/cwd" "$work/cache" "$work/cache-before"
# A copy, so a build during the run cannot change what is measured (nor the archives' key) half-way.
cp -Rp "$dist" "$work/autoscalebot"
dist="$work/autoscalebot"
cp "$root/examples/quickstart.toml" "$work/quickstart.toml"
before_commands=
if [ -n "${BEFORE:-}" ]; then
  cp -Rp "$BEFORE" "$work/before"
  before_commands="before-version before-plugins-list before-config-validate"
fi
export XDG_CACHE_HOME="$work/cache"
unset JAVA_OPTS || true

commands="java-version version plugins-list config-validate"
# The steps of issue 11, for `plugins list`: the JVM started as the launcher started it before (no C1, no archive; the
# Jackson-free table is in the jars either way), then with C1 only; the launcher's own run adds the archive.
steps="list-no-flags list-c1-only"

# Runs one command on one JDK; prints the wall time in microseconds and, with GNU time, the CPU time (user + system) in
# milliseconds, which a loaded machine disturbs less. Output is discarded, but a failure stops the run.
timer=
[ -x /usr/bin/time ] && timer="/usr/bin/time -f %U+%S -o $work/cpu"
run() { # JDK COMMAND
  jdk=$1
  # The older distribution has a cache of its own: with the same version, the two would share (and remake, or be
  # refused) one class-data archive, and whichever ran second would run without one, or (JDK 17) map the other's.
  # Chosen before `set --` below replaces $2.
  cache="$work/cache"
  case $2 in before-*) cache="$work/cache-before" ;; esac
  case $2 in
    java-version) set -- "$jdk/bin/java" -version ;;
    version) set -- "$dist/bin/autoscalebot" --version ;;
    plugins-list) set -- "$dist/bin/autoscalebot" plugins list ;;
    config-validate) set -- "$dist/bin/autoscalebot" config validate --config "$work/quickstart.toml" ;;
    before-version) set -- "$work/before/bin/autoscalebot" --version ;;
    before-plugins-list) set -- "$work/before/bin/autoscalebot" plugins list ;;
    before-config-validate) set -- "$work/before/bin/autoscalebot" config validate --config "$work/quickstart.toml" ;;
    list-no-flags|list-c1-only)
      flags=
      [ "$2" = list-c1-only ] && flags=-XX:TieredStopAtLevel=1
      set -- "$jdk/bin/java" $flags -Djava.util.logging.manager=io.autoscalebot.cli.logging.DeferredResetLogManager \
        -Dautoscalebot.home="$dist" --module-path "$dist/lib" --add-modules ALL-MODULE-PATH,java.se \
        -m io.autoscalebot.cli/io.autoscalebot.cli.Main plugins list ;;
  esac
  start=$(date +%s%N)
  if ! (cd "$work/cwd" && XDG_CACHE_HOME=$cache JAVA_HOME=$jdk $timer "$@" >"$work/out" 2>&1); then
    echo "startup: failed on $jdk: $*" >&2
    cat "$work/out" >&2
    exit 1
  fi
  end=$(date +%s%N)
  cpu=0
  [ -z "$timer" ] || cpu=$(awk -F+ '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu")
  echo "$(((end - start) / 1000)) $cpu"
}

median() { # FILE COLUMN -> median of that column's numbers
  cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "startup: $rounds rounds; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
index=0
for jdk in $jdks; do
  index=$((index + 1))
  echo "jdk$index: $jdk ($("$jdk/bin/java" -version 2>&1 | head -1))"
  for command in version plugins-list config-validate $before_commands; do
    # The first run with an empty cache: it writes the class-data archive for the later ones.
    echo "  first run, empty cache: $command $(run "$jdk" "$command" | awk '{ printf "%d ms wall, %d ms CPU", $1 / 1000, $2 }')"
  done
done

round=0
while [ "$round" -lt "$rounds" ]; do
  round=$((round + 1))
  index=0
  for jdk in $jdks; do
    index=$((index + 1))
    for command in $commands $steps $before_commands; do
      run "$jdk" "$command" >>"$work/jdk$index-$command"
    done
  done
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-16s %12s %7s %12s %7s\n' JDK COMMAND "WALL ms" RATIO "CPU ms" RATIO
index=0
for jdk in $jdks; do
  index=$((index + 1))
  base=$(median "$work/jdk$index-java-version" 1)
  base_cpu=$(median "$work/jdk$index-java-version" 2)
  for command in $commands $steps $before_commands; do
    value=$(median "$work/jdk$index-$command" 1)
    cpu=$(median "$work/jdk$index-$command" 2)
    awk -v jdk="jdk$index" -v c="$command" -v v="$value" -v b="$base" -v u="$cpu" -v bu="$base_cpu" \
      'BEGIN { printf "%-6s %-16s %12.0f %6.2fx %12.0f %6.2fx\n", jdk, c, v / 1000, v / b, u, (bu > 0 ? u / bu : 0) }'
  done
done
