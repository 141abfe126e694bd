package io.autoscalebot.engine;

import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ExecutorScheduler;
import io.autoscalebot.engine.loop.Lateness;
import io.autoscalebot.engine.loop.Reload;
import io.autoscalebot.engine.loop.TickReport;
import io.autoscalebot.engine.state.FileStateStore;
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

    Autoscaler(EngineConfig config, RunOptions options) {
        FileStateStore store = new FileStateStore(config.stateDirectory(),
                System.getLogger("io.autoscalebot.engine.state"));
        // A few scheduler threads whatever the number of groups (a waiting group holds no thread), and first ticks
        // spread over each interval so that thousands of groups are not all due at once.
        this.engine = new Engine(config, Clock.systemUTC(), new ExecutorScheduler(ExecutorScheduler.defaultThreads()),
                store, EngineOptions.DEFAULT.withDryRun(options.dryRun()).withTeardown(options.teardown())
                        .withSpreadFirstTicks(true).withSummary(options.summary()));
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
        return engine.stop(grace);
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
        return engine.stop(grace, reason);
    }

    /**
     * Replaces the running configuration with another, group by group, without losing state (SIGHUP): an unchanged
     * group keeps running untouched, a changed one is rebuilt keeping its last scale, measurement history and open
     * conditions, a removed one is torn down, a new one starts. Logged at INFO. The plugins are those the
     * configuration was loaded with: load it with the same {@link Plugins} to keep unchanged groups untouched.
     *
     * @param next the new configuration, already validated (an invalid file never gets here: keep the old one)
     * @return what changed
     * @throws IllegalStateException when the autoscaler was stopped
     */
    public ReloadSummary reload(Configuration next) {
        Reload reload = engine.reload(next.engineConfig());
        return new ReloadSummary(reload.added(), reload.changed(), reload.removed(), reload.unchanged(),
                reload.describe());
    }

    /** @return how late the ticks started so far, engine-wide and each group's last */
    public TickLateness lateness() {
        Lateness l = engine.lateness();
        return new TickLateness(l.count(), l.max(), l.total(), l.bounds(), l.counts(), l.lastByGroup());
    }

    /** Stops with a grace of 10 s. */
    @Override
    public void close() {
        engine.close();
    }

    private static TickSummary summary(TickReport report) {
        return new TickSummary(report.group(), report.time(), TickSummary.Outcome.valueOf(report.outcome().name()),
                report.summary());
    }
}
