package io.autoscalebot.bench;

import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.trace.Trace;
import io.autoscalebot.simulate.trace.TraceReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints how fast the NASA trace reads and replays: the project checks speed with figures, not with timed tests.
 * Run by {@code bench/simulate-speed.sh}; the first argument is the trace, the second how many rounds (default 5).
 * Each figure is the best round, so a burst of load on a shared machine does not decide it; the first round warms
 * the JIT. {@code bench/jmh.sh SimulateReplay} measures the replay with JMH instead.
 */
public final class SimulateSpeed {

    private SimulateSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : BenchReplay.NASA);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        BenchReplay replay = BenchReplay.load();
        double bestRead = Double.MAX_VALUE;
        double bestReplay = Double.MAX_VALUE;
        Trace trace = null;
        SimulationResult result = null;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            trace = new TraceReader().read(file);
            long read = System.nanoTime();
            result = replay.replay(trace);
            long replayed = System.nanoTime();
            bestRead = Math.min(bestRead, (read - started) / 1e9);
            bestReplay = Math.min(bestReplay, (replayed - read) / 1e9);
        }
        System.out.printf(Locale.ROOT, "trace            %s (%,d steps of %s)%n", file, trace.size(),
                human(trace.step()));
        System.out.printf(Locale.ROOT, "read             %.3f s, %,.0f rows/s (best of %d)%n", bestRead,
                trace.size() / bestRead, rounds);
        System.out.printf(Locale.ROOT, "replay           %.3f s for %,d ticks every %s, %,.0f ticks/s (best of %d)%n",
                bestReplay, result.decisions().ticks(), human(result.interval()),
                result.decisions().ticks() / bestReplay, rounds);
        System.out.println("result           " + result.metrics().describe());
    }

    /** @return {@code 1m}, {@code 30s}: the trace's step and the group's interval, as autoscale.toml writes them */
    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
