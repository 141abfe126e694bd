package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.state.StateStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs every group of an {@link EngineConfig}: each on its own interval ({@link #start()}), or one tick of each
 * ({@link #runOnce()}). A group's plugin instances are created and set up at its first tick; a group whose plugins fail
 * to set up is reported and retried at its next tick, and never holds up another group.
 *
 * <p>Time comes only from the given {@link Clock} and {@link Scheduler}, so the same engine runs in real time and, with
 * a {@link VirtualScheduler}, in virtual time.
 */
public final class Engine implements AutoCloseable {

    /** The grace {@link #close()} gives running ticks. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final PluginCalls calls = new PluginCalls();
    private final List<GroupRunner> runners = new ArrayList<>();
    private final List<Scheduler.Scheduled> scheduled = new ArrayList<>();
    private final List<Duration> intervals = new ArrayList<>();
    private final System.Logger log;
    private boolean started;
    private boolean stopped;

    /**
     * Prepares the groups; creates no plugin instance yet.
     *
     * @param config the validated configuration
     * @param clock the clock given to plugins and used for every timestamp
     * @param scheduler runs the ticks
     * @param store where each group's state is kept; in a dry run it is only read
     * @param options dry run and loggers
     */
    public Engine(EngineConfig config, Clock clock, Scheduler scheduler, StateStore store, EngineOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        Redactor redactor = Redactor.of(config.secrets());
        Function<String, System.Logger> loggers = name -> new RedactingLogger(options.loggers().apply(name), redactor);
        this.log = loggers.apply("io.autoscalebot.engine");
        StateStore groupStore = options.dryRun() ? StateStore.readOnly(store) : store;
        for (GroupConfig group : config.groups()) {
            GroupStarter starter = new GroupStarter(group, clock, config.stateDirectory(), options.dryRun(), loggers,
                    calls);
            runners.add(new GroupRunner(group, clock, calls, groupStore, starter, redactor,
                    loggers.apply("io.autoscalebot.engine." + group.name()), options.dryRun()));
            intervals.add(group.interval());
        }
    }

    /** Schedules every group: a first tick now, then one every interval. */
    public synchronized void start() {
        if (stopped || started) {
            throw new IllegalStateException(stopped ? "the engine was stopped" : "the engine is already started");
        }
        started = true;
        for (int i = 0; i < runners.size(); i++) {
            GroupRunner runner = runners.get(i);
            scheduled.add(scheduler.every(runner.name(), intervals.get(i), () -> tickSafely(runner)));
        }
    }

    /**
     * Runs one tick of every group, one group after the other, and returns: {@code run --once}.
     *
     * @return how each group's tick went, in configuration order
     */
    public List<TickReport> runOnce() {
        synchronized (this) {
            if (stopped) {
                throw new IllegalStateException("the engine was stopped");
            }
        }
        List<TickReport> reports = new ArrayList<>();
        runners.forEach(runner -> reports.add(runner.tick()));
        return reports;
    }

    /**
     * Stops cleanly in bounded time (SIGTERM): no new ticks start, running ticks get {@code grace} to finish and are
     * then interrupted (their plugin calls abandoned), and every plugin instance is torn down, each teardown under its
     * group's timeout. Calling it again does nothing.
     *
     * @return true when every running tick finished within the grace period
     */
    public boolean stop(Duration grace) {
        synchronized (this) {
            if (stopped) {
                return true;
            }
            stopped = true;
            scheduled.forEach(Scheduler.Scheduled::cancel);
        }
        boolean finished = scheduler.shutdown(grace);
        if (!finished) {
            log.log(Level.WARNING, "ticks still running after " + grace + " were interrupted");
        }
        // The scheduler has ended or interrupted every tick; a short wait covers one unwinding after an interrupt.
        runners.forEach(runner -> runner.teardown(Duration.ofSeconds(1)));
        calls.close();
        return finished;
    }

    /** {@link #stop(Duration) Stops} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /** A tick must never throw into the scheduler: that would cancel every later tick of the group. */
    private void tickSafely(GroupRunner runner) {
        try {
            runner.tick();
        } catch (RuntimeException e) {
            log.log(Level.ERROR, runner.name() + ": engine bug in a tick: " + e, e);
        }
    }
}
