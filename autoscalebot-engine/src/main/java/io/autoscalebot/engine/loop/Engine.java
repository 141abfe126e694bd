package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.Durations;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.state.StateStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** How long {@link #stop} waits for a tick that ignored its interrupt before tearing its group down anyway. */
    private static final Duration UNWIND = Duration.ofSeconds(1);

    /** The name prefix of the threads that tear groups down when the engine stops. */
    public static final String TEARDOWN_PREFIX = "autoscalebot-teardown-";

    private final Scheduler scheduler;
    private final PluginCalls calls = new PluginCalls();
    private final LatenessMeter lateness = new LatenessMeter();
    private final TickTally tally = new TickTally();
    private final Duration summaryEvery;
    private final boolean spreadFirstTicks;
    private final List<GroupRunner> runners = new ArrayList<>();
    private final List<Scheduler.Scheduled> scheduled = new ArrayList<>();
    private final List<Duration> intervals = new ArrayList<>();
    private final System.Logger log;
    private final Duration teardownBudget;
    private boolean started;
    private boolean stopped;
    /** The thread in {@link #runOnce()}, if any, so a stop can give it the grace and then interrupt it. */
    private Thread runningOnce;
    private CountDownLatch onceDone = new CountDownLatch(0);

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
        this.teardownBudget = options.teardown();
        this.spreadFirstTicks = options.spreadFirstTicks();
        this.summaryEvery = options.summary();
        StateStore groupStore = options.dryRun() ? StateStore.readOnly(store) : store;
        for (GroupConfig group : config.groups()) {
            GroupStarter starter = new GroupStarter(group, clock, config.stateDirectory(), options.dryRun(), loggers,
                    calls);
            runners.add(new GroupRunner(group, clock, calls, groupStore, starter, redactor,
                    loggers.apply("io.autoscalebot.engine." + group.name()), options.dryRun(), options.teardown()));
            intervals.add(group.interval());
        }
    }

    /**
     * Schedules every group: a first tick now, or, with {@link EngineOptions#spreadFirstTicks()} and more than one
     * group, at its {@link FirstTicks#offset offset} within the interval (at most a minute); then one every interval.
     */
    public synchronized void start() {
        if (stopped || started) {
            throw new IllegalStateException(stopped ? "the engine was stopped" : "the engine is already started");
        }
        started = true;
        for (int i = 0; i < runners.size(); i++) {
            GroupRunner runner = runners.get(i);
            Duration interval = intervals.get(i);
            // A lone group has nothing to be spread from: it ticks at the start.
            Duration first = spreadFirstTicks && runners.size() > 1
                    ? FirstTicks.offset(runner.name(), interval) : Duration.ZERO;
            scheduled.add(scheduler.every(runner.name(), first, interval, late -> tickSafely(runner, late)));
        }
        if (!summaryEvery.isZero()) {
            scheduled.add(scheduler.every("summary", summaryEvery, summaryEvery, late -> logSummary()));
        }
        log.log(Level.INFO, "started " + runners.size() + (runners.size() == 1 ? " group" : " groups")
                + (spreadFirstTicks && runners.size() > 1 ? ", first ticks spread over each interval" : "")
                + (summaryEvery.isZero() ? "" : "; a summary line every " + Durations.human(summaryEvery)));
    }

    /** One INFO line for the ticks since the last: at thousands of groups, the routine ticks are DEBUG. */
    private void logSummary() {
        TickTally.Line line = tally.drain(summaryEvery);
        log.log(Level.INFO, (java.util.ResourceBundle) null, line.text(), line.fields());
    }

    /**
     * Runs one tick of every group, one group after the other, and returns: {@code run --once}. A {@link #stop} meanwhile
     * treats it like a running tick: it gets the grace, is then interrupted, and the groups not reached are skipped.
     *
     * @return how each group's tick went, in configuration order; only those that ran when the engine was stopped
     */
    public List<TickReport> runOnce() {
        CountDownLatch done = new CountDownLatch(1);
        synchronized (this) {
            if (stopped) {
                throw new IllegalStateException("the engine was stopped");
            }
            runningOnce = Thread.currentThread();
            onceDone = done;
        }
        try {
            List<TickReport> reports = new ArrayList<>();
            for (GroupRunner runner : runners) {
                synchronized (this) {
                    if (stopped) {
                        break;
                    }
                }
                reports.add(runner.tick());
            }
            return reports;
        } finally {
            synchronized (this) {
                runningOnce = null;
            }
            done.countDown();
        }
    }

    /**
     * Stops cleanly in bounded time (SIGTERM): no new ticks start, running ticks get {@code grace} to finish and are
     * then interrupted (their plugin calls abandoned), and then every group's plugins are torn down, all groups at
     * once, each group within the {@link EngineOptions#teardown() teardown budget} (not its per-call timeout: stopping
     * processes takes its own grace period). So a stop takes at most {@code grace}, plus a second for interrupted ticks
     * to unwind, plus the teardown budget. Calling it again does nothing.
     *
     * @return true when every running tick finished within the grace period
     */
    public boolean stop(Duration grace) {
        return stop(grace, "asked to stop");
    }

    /**
     * {@link #stop(Duration) Stops}, logging at INFO that it does and why, so the log says when and why the engine
     * stopped.
     *
     * @param reason why, like {@code "SIGTERM"} or {@code "--once finished"}
     * @return true when every running tick finished within the grace period
     */
    public boolean stop(Duration grace, String reason) {
        synchronized (this) {
            if (stopped) {
                return true;
            }
            stopped = true;
            scheduled.forEach(Scheduler.Scheduled::cancel);
        }
        log.log(Level.INFO, "stopping (" + reason + "): running ticks get " + Durations.human(grace)
                + " to finish, then every group's plugins are torn down");
        // Not &&: a run --once must be given its grace and interrupted even when scheduled ticks overran theirs.
        boolean finished = scheduler.shutdown(grace) & finishRunOnce(grace);
        if (!finished) {
            log.log(Level.WARNING, "ticks still running after " + Durations.human(grace) + " were interrupted");
        }
        teardownAll();
        calls.close();
        return finished;
    }

    /** @return true when no {@link #runOnce()} runs, or it ended within the grace; else interrupts it */
    private boolean finishRunOnce(Duration grace) {
        Thread thread;
        CountDownLatch done;
        synchronized (this) {
            thread = runningOnce;
            done = onceDone;
        }
        if (thread == null || thread == Thread.currentThread()) {
            return true;
        }
        try {
            if (done.await(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        return false;
    }

    /**
     * Tears every group down, several at once on a small pool (as many as there are plugin-call workers, since each
     * teardown call takes one), so one slow teardown does not eat the others' time and 10,000 groups do not mean
     * 10,000 threads. Each group's plugin calls are bounded by its budget; the overall deadline, one budget plus
     * one for every round of the pool, guards against a group that does not end and leaves it, with a warning.
     */
    private void teardownAll() {
        int parallel = Math.max(1, Math.min(runners.size(), calls.workers()));
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, TEARDOWN_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<GroupRunner> pending = java.util.Collections.synchronizedList(new ArrayList<>(runners));
        for (GroupRunner runner : runners) {
            // The scheduler has ended or interrupted every tick; UNWIND covers one unwinding after an interrupt.
            pool.execute(() -> {
                runner.teardown(UNWIND);
                pending.remove(runner);
            });
        }
        pool.shutdown();
        long rounds = (runners.size() + parallel - 1) / parallel;
        Duration limit = UNWIND.plus(teardownBudget).plus(UNWIND).multipliedBy(Math.max(1, rounds));
        boolean interrupted = false;
        try {
            pool.awaitTermination(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        pool.shutdownNow();
        synchronized (pending) {
            for (GroupRunner runner : pending) {
                log.log(Level.WARNING, runner.name() + " did not end its teardown within its budget; leaving it");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop(Duration) Stops} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /**
     * How late the scheduled ticks started so far: engine-wide and each group's last. A {@link #runOnce()} is not
     * scheduled and not counted.
     */
    public Lateness lateness() {
        Map<String, Duration> last = new LinkedHashMap<>();
        for (GroupRunner runner : runners) {
            Duration late = runner.lastLateness();
            if (late != null) {
                last.put(runner.name(), late);
            }
        }
        return lateness.snapshot(last);
    }

    /** A tick must never throw into the scheduler: that would cancel every later tick of the group. */
    private void tickSafely(GroupRunner runner, Duration late) {
        lateness.record(late);
        runner.started(late);
        try {
            tally.record(runner.tick().outcome(), late);
        } catch (RuntimeException e) {
            log.log(Level.ERROR, runner.name() + ": engine bug in a tick: " + e, e);
        }
    }
}
