package io.autoscalebot.engine;

import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ExecutorScheduler;
import io.autoscalebot.engine.loop.Lateness;
import io.autoscalebot.engine.loop.TickReport;
import io.autoscalebot.engine.state.FileStateStore;
import io.autoscalebot.engine.state.InstanceLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One configuration running in real time: every group on its own interval ({@link #start()}), or one tick of each
 * ({@link #runOnce()}); {@link #stop(Duration)} ends either in bounded time and tears every plugin down. Safe to stop
 * from another thread (a shutdown hook) while it runs.
 */
public final class Autoscaler implements AutoCloseable {

    private final Engine engine;
    /** Held while a real run may scale, so a second instance on the same state directory is refused; else null. */
    private final InstanceLock lock;

    Autoscaler(EngineConfig config, RunOptions options) throws StartRefusedException {
        // A dry run never scales nor writes state: it may run beside the real one, e.g. to try a change. With
        // [leader], instances share the configuration on purpose and the lease decides which one acts.
        this.lock = options.dryRun() || config.leader().isPresent() ? null : lock(config.stateDirectory());
        FileStateStore store = new FileStateStore(config.stateDirectory(),
                System.getLogger("io.autoscalebot.engine.state"));
        // A few scheduler threads whatever the number of groups (a waiting group holds no thread), and first ticks
        // spread over each interval so that thousands of groups are not all due at once.
        this.engine = new Engine(config, Clock.systemUTC(), new ExecutorScheduler(ExecutorScheduler.defaultThreads()),
                store, EngineOptions.DEFAULT.withDryRun(options.dryRun()).withTeardown(options.teardown())
                        .withSpreadFirstTicks(true));
    }

    /** Ticks every group now and then every interval, on the autoscaler's own threads; returns at once. */
    public void start() {
        engine.start();
    }

    /**
     * Runs one tick of every group, one after the other: {@code run --once}. A {@link #stop} meanwhile gives it the
     * grace, then interrupts it, and the groups not reached are skipped.
     *
     * @return how each group's tick went, in configuration order
     */
    public List<TickSummary> runOnce() {
        return engine.runOnce().stream().map(Autoscaler::summary).toList();
    }

    /**
     * Stops in bounded time: no new ticks, running ones get {@code grace} and are then interrupted, then every group's
     * plugins are torn down within the teardown budget. Calling it again does nothing.
     *
     * @return true when every running tick finished within the grace
     */
    public boolean stop(Duration grace) {
        try {
            return engine.stop(grace);
        } finally {
            unlock();
        }
    }

    /**
     * {@link #stop(Duration) Stops}, logging at INFO that it does and why ({@code SIGTERM or Ctrl-C}, {@code --once
     * finished}), so the log says when and why the engine ended.
     *
     * @param grace how long the stop may take
     * @param reason why, in words
     * @return true when everything stopped within the grace
     */
    public boolean stop(Duration grace, String reason) {
        try {
            return engine.stop(grace, reason);
        } finally {
            unlock();
        }
    }

    private static InstanceLock lock(Path stateDirectory) throws StartRefusedException {
        try {
            return InstanceLock.acquire(stateDirectory);
        } catch (InstanceLock.Held e) {
            throw new StartRefusedException(e.getMessage());
        } catch (IOException e) {
            throw new StartRefusedException("cannot lock the state directory " + stateDirectory + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that it is a writable folder, or"
                    + " set state_dir to one");
        }
    }

    /** Releases the instance lock; the process ending releases it too, so a failure here only delays nothing. */
    private void unlock() {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            System.getLogger("io.autoscalebot.engine").log(System.Logger.Level.DEBUG,
                    "releasing the instance lock failed: " + e);
        }
    }

    /** @return how late the ticks started so far, engine-wide and each group's last */
    public TickLateness lateness() {
        Lateness l = engine.lateness();
        return new TickLateness(l.count(), l.max(), l.total(), l.bounds(), l.counts(), l.lastByGroup());
    }

    /** Stops with a grace of 10 s. */
    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            unlock();
        }
    }

    private static TickSummary summary(TickReport report) {
        return new TickSummary(report.group(), report.time(), TickSummary.Outcome.valueOf(report.outcome().name()),
                report.summary());
    }
}
