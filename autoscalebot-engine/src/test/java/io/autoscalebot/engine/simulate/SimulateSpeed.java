package io.autoscalebot.engine.simulate;

import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.settings.DurationText;
import io.autoscalebot.engine.simulate.model.Replay;
import io.autoscalebot.engine.simulate.trace.Trace;
import io.autoscalebot.engine.simulate.trace.TraceReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Prints how fast the NASA trace reads and replays: the project checks speed with figures, not with timed tests.
 * Run by {@code bench/simulate-speed.sh}; the first argument is the trace, the second how many rounds (default 5).
 * Each figure is the best round, so a burst of load on a shared machine does not decide it; the first round warms
 * the JIT.
 */
public final class SimulateSpeed {

    private SimulateSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/traces/nasa-1995-per-minute.csv");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SimulatedGroups groups = new SimulatedGroups(SimulatedGroups.proportional(0.6));
        groups.interval = Duration.ofSeconds(30);
        groups.max = CountSchedule.fixed(100);
        SimulationModel model = new SimulationModel(10, Duration.ofSeconds(30), 60, Duration.ofMillis(500),
                Replay.GroupKind.WEB, MeasuredQuantity.UTILISATION, OptionalInt.empty());
        double bestRead = Double.MAX_VALUE;
        double bestReplay = Double.MAX_VALUE;
        Trace trace = null;
        SimulationResult result = null;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            trace = new TraceReader().read(file);
            long read = System.nanoTime();
            result = new Simulator(model, Set.of()).run(groups.build("web"), trace, Simulator.Progress.NONE);
            long replayed = System.nanoTime();
            bestRead = Math.min(bestRead, (read - started) / 1e9);
            bestReplay = Math.min(bestReplay, (replayed - read) / 1e9);
        }
        System.out.printf(Locale.ROOT, "trace            %s (%,d steps of %s)%n", file, trace.size(), DurationText.format(trace.step()));
        System.out.printf(Locale.ROOT, "read             %.3f s, %,.0f rows/s (best of %d)%n", bestRead,
                trace.size() / bestRead, rounds);
        System.out.printf(Locale.ROOT, "replay           %.3f s for %,d ticks every %s, %,.0f ticks/s (best of %d)%n",
                bestReplay, result.decisions().ticks(), DurationText.format(groups.interval), result.decisions().ticks() / bestReplay,
                rounds);
        System.out.println("result           " + result.metrics().describe());
    }
}
