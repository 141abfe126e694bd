#!/usr/bin/env python3
"""Alternates one command of two or more unpacked distributions and prints the medians of wall and CPU time (issue 11).

bench/startup.sh reads CPU time from GNU time, in steps of 10 ms: too coarse for a step that saves 10-20 ms of a
command's ~450. This reads user + system CPU time of each run (the launcher, java and anything they wait for) from
wait4 in microseconds. Runs alternate, the order reversed every round, so a busy machine slows each side alike.

    bench/startup-ab.py ROUNDS JAVA_HOME NAME=DIST:CACHE NAME=DIST:CACHE... -- COMMAND ARGS...
    bench/startup-ab.py 20 /usr/lib/jvm/temurin-25-jdk-amd64 before=/tmp/before:/tmp/c1 \\
        after=dist/target/autoscalebot:/tmp/c2 -- plugins list

Each distribution gets its own user cache folder (XDG_CACHE_HOME), so each keeps its own class-data archive; each
runs twice before the rounds (making its archive), then waits 3 s for JDK 25's background AOT-cache creation.
Commands run from an empty folder; output is discarded, a failure stops the run.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(dist, cache, java_home, args, cwd):
    env = dict(os.environ, XDG_CACHE_HOME=cache, JAVA_HOME=java_home)
    env.pop("JAVA_OPTS", None)
    start = time.perf_counter()
    process = subprocess.Popen([os.path.join(dist, "bin", "autoscalebot")] + args, env=env, cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"startup-ab: {dist} {' '.join(args)} failed (wait status {status})")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main():
    if "--" not in sys.argv or len(sys.argv) < 6:
        sys.exit(__doc__)
    split = sys.argv.index("--")
    rounds, java_home = int(sys.argv[1]), sys.argv[2]
    variants = [(name, *spec.split(":", 1)) for name, spec in (v.split("=", 1) for v in sys.argv[3:split])]
    args = sys.argv[split + 1:]
    cwd = tempfile.mkdtemp()
    for _, dist, cache in variants:
        for _ in range(2):
            run(dist, cache, java_home, args, cwd)
    time.sleep(3)
    times = {name: [] for name, _, _ in variants}
    for round_ in range(rounds):
        for name, dist, cache in variants if round_ % 2 == 0 else reversed(variants):
            times[name].append(run(dist, cache, java_home, args, cwd))
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    print(f"{rounds} rounds, load {load}, {java_home}, {' '.join(args)}")
    for name, runs in times.items():
        print(f"{name:<12} wall median {1000 * statistics.median(w for w, _ in runs):5.0f} ms"
              f"   CPU median {1000 * statistics.median(c for _, c in runs):5.0f} ms"
              f"   CPU mean {1000 * statistics.mean(c for _, c in runs):5.0f} ms")


if __name__ == "__main__":
    main()
