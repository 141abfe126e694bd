package io.autoscalebot.bench;

import io.autoscalebot.simulate.SimulationException;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.trace.Trace;
import io.autoscalebot.simulate.trace.TraceReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many simulated ticks a second the simulator replays, after warm-up, for each decide plugin of {@link BenchReplay}:
 * one operation is a whole replay of the trace, and the {@code ticks} counter JMH prints beside it is the figure to read,
 * in ticks/s. Reading the trace is not timed.
 *
 * <pre>bench/jmh.sh SimulateReplay                         # from the repository root, after the README's build
 * bench/jmh.sh SimulateReplay -p decide=predictive     # one decide plugin
 * bench/jmh.sh SimulateReplay -p trace=/path/to.csv     # another trace</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class SimulateReplayBenchmark {

    /** The trace to replay, a path from the folder JMH runs in. */
    @Param(BenchReplay.NASA)
    public String trace;

    /** The decide plugin: issue 11's two policies, and the bench's own rule that measures the simulator alone. */
    @Param({BenchReplay.PREDICTIVE, BenchReplay.TARGET_TRACKING, BenchReplay.PROPORTIONAL})
    public String decide;

    private Trace workload;
    private BenchReplay replay;

    /** The ticks replayed, which JMH reports per second beside the replays. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Ticks {
        /** Ticks replayed in this iteration. */
        public long ticks;

        /** Counts each iteration afresh. */
        @Setup(Level.Iteration)
        public void reset() {
            ticks = 0;
        }
    }

    /** Reads the trace and loads the group once: neither is what is measured. */
    @Setup(Level.Trial)
    public void load() throws Exception {
        workload = new TraceReader().read(Path.of(trace));
        replay = BenchReplay.load(decide);
    }

    /** One replay of the whole trace. */
    @Benchmark
    public SimulationResult replay(Ticks ticks) throws SimulationException {
        SimulationResult result = replay.replay(workload);
        ticks.ticks += result.decisions().ticks();
        return result;
    }
}
