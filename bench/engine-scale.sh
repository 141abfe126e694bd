#!/bin/sh
# How the engine holds up with many groups: for each group count, runs the built distribution pinned to one core with
# `taskset -c 0` on a generated config (interval 30s; `static` measure, `consecutive-threshold` decide, `memory` scale,
# so the plugins cost next to nothing and what is measured is the engine), for a bounded number of intervals, then
# stops it with SIGTERM. Prints one table row per group count: tick lateness p50/p99/max, ticks run of ticks due,
# CPU per tick, heap after GC, threads, RSS, and how long the SIGTERM stop took. Raw files stay in target/engine-scale/.
#
#   bench/engine-scale.sh [GROUPS...]        (from the repository root; default 100 1000 10000)
#
# Environment: INTERVALS (3) how many intervals each run lasts; INTERVAL (30s); HEAP (256m) the -Xmx;
# STARTUP (600) seconds a run may take to start; STOP (60) seconds a stop may take before a kill -9; BUILD (1) set 0
# to reuse dist/target/autoscalebot. JAVA_HOME picks the JDK, as for bin/autoscalebot.
#
# Lateness is measured from outside, as the engine does not report it (yet): every tick logs one line when it ends,
# stamped to the millisecond by the logging config below; the analysis rebuilds when each tick was due the way the
# engine's scheduler does (first tick of every group at the start, then on the group's 30 s grid, skipping grid points
# a late tick overran) and reports end minus due. That is an upper bound of the start lateness: it includes the tick's
# own run time (small with these plugins, but not zero on a loaded core).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
intervals=${INTERVALS:-3}
interval=${INTERVAL:-30}
heap=${HEAP:-256m}
startup_limit=${STARTUP:-600}
stop_limit=${STOP:-60}
[ "$#" -gt 0 ] || set -- 100 1000 10000
if [ -n "${JAVA_HOME:-}" ]; then bin="$JAVA_HOME/bin"; else bin=$(dirname "$(command -v java)"); fi
command -v taskset >/dev/null || { echo "engine-scale: needs taskset (util-linux)" >&2; exit 2; }

if [ "${BUILD:-1}" = 1 ]; then
  mvn -B -q package -DskipTests
fi
app="$root/dist/target/autoscalebot/bin/autoscalebot"
[ -x "$app" ] || { echo "engine-scale: no distribution at $app; run without BUILD=0" >&2; exit 2; }
out="$root/target/engine-scale"
mkdir -p "$out"
hz=$(getconf CLK_TCK)

# CPU ticks (utime + stime) of a process, from /proc/PID/stat (fields 14 and 15, after the parenthesised name).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

printf '%s%s%s\n' "| groups | ticks run / due (failed) | lateness p50 / p99 / max, ms (tick end - due) |" \
  " same, without the first ticks |" \
  " CPU per tick | heap after GC (last / max) | longest GC pause | threads (max) | RSS (max) | SIGTERM stop | OOM |"
echo "|---:|---:|---|---|---:|---|---:|---:|---:|---:|---|"
for groups in "$@"; do
  run="$out/$groups"
  rm -rf "$run"
  mkdir -p "$run/state"
  # One line per record with the epoch milliseconds, so tick ends can be placed to the millisecond.
  cat > "$run/logging.properties" <<'EOF'
handlers=java.util.logging.ConsoleHandler
.level=INFO
java.util.logging.ConsoleHandler.level=ALL
java.util.logging.SimpleFormatter.format=%1$tQ %4$s %3$s: %5$s%6$s%n
EOF
  # The measurement (800 ms) lies between the decider's bounds (400 and 1200), so every tick holds: no scale, no
  # notification, nothing written to the state directory; the cost is the engine's own.
  awk -v n="$groups" -v iv="$interval" -v state="$run/state" 'BEGIN {
    printf "state_dir = \"%s\"\n", state
    for (i = 1; i <= n; i++) {
      g = sprintf("g%05d", i)
      printf "\n[groups.%s]\ninterval = \"%ss\"\nmin = 1\nmax = 4\n", g, iv
      printf "[groups.%s.measure]\nplugin = \"static\"\nvalue = 800\nunit = \"ms\"\n", g
      printf "[groups.%s.decide]\nplugin = \"consecutive-threshold\"\n", g
      printf "[groups.%s.scale]\nplugin = \"memory\"\nstart = 1\n", g
    }
  }' > "$run/autoscale.toml"

  rm -f "$run/stdout.fifo"
  mkfifo "$run/stdout.fifo"
  # Stamps the few stdout lines; "running" is printed right before the engine schedules the first ticks.
  (while IFS= read -r line; do echo "$(now_ms) $line"; done < "$run/stdout.fifo" > "$run/stdout.log") &
  stamper=$!
  JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$run/gc.log -Djava.util.logging.config.file=$run/logging.properties" \
    taskset -c 0 "$app" run --config "$run/autoscale.toml" > "$run/stdout.fifo" 2> "$run/stderr.log" &
  pid=$!

  # Waits for the start, then samples threads and RSS every second until the run's time is up.
  started=""
  deadline=$(( $(date +%s) + startup_limit ))
  while [ -z "$started" ] && kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
    started=$(awk '/running/ { print $1; exit }' "$run/stdout.log")
    [ -n "$started" ] || sleep 0.2
  done
  if [ -z "$started" ]; then
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    oom=$(grep -c OutOfMemoryError "$run/stderr.log" || true)
    echo "| $groups | did not start within ${startup_limit}s (see $run/stderr.log) | | | | | | | | | OOM lines: $oom |"
    wait "$stamper" 2>/dev/null || true
    continue
  fi
  cpu_start=$(cpu_ticks "$pid")
  # Stop 10% of an interval before the next tick would be due, so the last due ticks had most of an interval.
  end_ms=$(( started + (intervals * interval * 1000) - (interval * 100) ))
  : > "$run/samples"
  while kill -0 "$pid" 2>/dev/null && [ "$(now_ms)" -lt "$end_ms" ]; do
    echo "$(status_kb "$pid" Threads) $(status_kb "$pid" VmRSS)" >> "$run/samples" 2>/dev/null || true
    sleep 1
  done
  alive=yes
  kill -0 "$pid" 2>/dev/null || alive=no
  cpu_end=$cpu_start
  if [ "$alive" = yes ]; then
    cpu_end=$(cpu_ticks "$pid")
    timeout 30 "$bin/jcmd" "$pid" GC.heap_info > "$run/heap_info.txt" 2>&1 \
      || echo "jcmd did not answer" >> "$run/heap_info.txt"
  fi
  stopped_at=$(now_ms)
  kill -TERM "$pid" 2>/dev/null || true
  stop_deadline=$(( $(date +%s) + stop_limit ))
  while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$stop_deadline" ]; do sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
    stop="not within ${stop_limit}s (killed)"
  else
    stop="$(( $(now_ms) - stopped_at )) ms"
  fi
  [ "$alive" = yes ] || stop="had exited before the stop"
  code=0
  wait "$pid" 2>/dev/null || code=$?
  wait "$stamper" 2>/dev/null || true
  stop="$stop, exit $code"

  # Ticks logged, of which failed, ticks due before the end of the run's time, lateness p50 p99 max in milliseconds of all ticks, then of all but the
  # first of each group (the steady state: the first ticks of all groups are due at once, on a cold JVM).
  # Ticks that end after the run's time (sampling, jcmd and the stop can take long on a loaded core) are left out.
  echo "started $started end $end_ms cpu_ticks $((cpu_end - cpu_start)) hz $hz" > "$run/window"
  "$bin/java" "$root/bench/EngineScale.java" "$run/stderr.log" "$started" "$end_ms" "$interval" > "$run/ticks"
  read -r run_ticks failed due p50 p99 max s50 s99 smax < "$run/ticks"
  cpu_ms="n/a"
  [ "$run_ticks" -gt 0 ] && cpu_ms=$(awk -v t=$((cpu_end - cpu_start)) -v hz="$hz" -v n="$run_ticks" \
    'BEGIN { printf "%.3f ms", t * 1000 / hz / n }')
  heap_gc=$(sed -n 's/.*Pause.* [0-9]*M->\([0-9]*\)M(\([0-9]*\)M).*/\1 \2/p' "$run/gc.log" | \
    awk '{ last = $1; if ($1 > max) max = $1; cap = $2 }
         END { if (NR) printf "%d / %d MiB of %d MiB", last, max, cap; else print "no GC" }')
  pause=$(sed -n 's/.*Pause.* \([0-9.]*\)ms$/\1/p' "$run/gc.log" | sort -g | tail -1)
  threads=$(awk '$1 > m { m = $1 } END { print m + 0 }' "$run/samples")
  rss=$(awk '$2 > m { m = $2 } END { printf "%d MiB", m / 1024 }' "$run/samples")
  oom=$(grep -c 'OutOfMemoryError' "$run/stderr.log" || true)
  [ "$oom" = 0 ] && oom=no || oom="yes ($oom lines)"
  echo "| $groups | $run_ticks / $due ($failed) | $p50 / $p99 / $max | $s50 / $s99 / $smax | $cpu_ms | $heap_gc |" \
    "${pause:-none} ms | $threads | $rss | $stop | $oom |"
done
