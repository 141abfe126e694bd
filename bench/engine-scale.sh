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
# Lateness is the engine's own (it measures every tick's start against when it was due): the run uses
# `--log-summary 30s`, and each summary line gives the ticks of the last 30 s by outcome and their lateness, p50 and p99
# as the bucket of the engine's lateness histogram they fall in (<= 10, 50, 100, 250, 500 ms, 1, 5, 10, 30 s) and the
# exact max. The logging is the CLI's own (asynchronous, held ticks at DEBUG), as an operator would run it.
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

printf '%s%s\n' "| groups | ticks per 30 s (each summary line; failed) | lateness p50 / p99 / max (last 30 s) |" \
  " worst max | CPU per tick | heap after GC (last / max) | longest GC pause | threads (max) | RSS (max) | SIGTERM stop | OOM |"
echo "|---:|---|---|---:|---:|---|---:|---:|---:|---|---|"
for groups in "$@"; do
  run="$out/$groups"
  rm -rf "$run"
  mkdir -p "$run/state"
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
  JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$run/gc.log" \
    taskset -c 0 "$app" run --config "$run/autoscale.toml" --log-summary "${interval}s" \
    > "$run/stdout.fifo" 2> "$run/stderr.log" &
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
  # Stop a little after the last summary line is due (one per interval from the start).
  end_ms=$(( started + (intervals * interval * 1000) + 3000 ))
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

  # The engine's summary lines: ticks in each interval, failed, and the last line's lateness; the worst max of all.
  echo "started $started end $end_ms cpu_ticks $((cpu_end - cpu_start)) hz $hz" > "$run/window"
  grep 'summary of the last' "$run/stderr.log" > "$run/summaries" || true
  per_interval=$(sed -n 's/.*: \([0-9]*\) ticks (.* \([0-9]*\) failed.*/\1 (\2)/p' "$run/summaries" | paste -sd, - | sed 's/,/, /g')
  run_ticks=$(sed -n 's/.*: \([0-9]*\) ticks (.*/\1/p' "$run/summaries" | awk '{ n += $1 } END { print n + 0 }')
  last=$(tail -1 "$run/summaries" | sed -n 's/.*started late by p50 \(.*\), p99 \(.*\), max \(.*\)$/\1 \/ \2 \/ \3/p')
  worst=$(sed -n 's/.*, max \([0-9]*\) ms$/\1/p' "$run/summaries" | sort -n | tail -1)
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
  echo "| $groups | ${per_interval:-none} of $groups due | ${last:-n/a} | ${worst:-n/a} ms | $cpu_ms | $heap_gc |" \
    "${pause:-none} ms | $threads | $rss | $stop | $oom |"
done
