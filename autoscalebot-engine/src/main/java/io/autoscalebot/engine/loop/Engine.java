package io.autoscalebot.engine.loop;

import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.Durations;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.state.SharedStateStore;
import io.autoscalebot.engine.state.StateStore;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final TickListener listener;
    private final TickTally tally = new TickTally();
    private final Duration summaryEvery;
    /** The summary line's schedule, when {@link EngineOptions#summary()} asks for one. */
    private Scheduler.Scheduled summary;
    private final boolean spreadFirstTicks;
    private final Clock clock;
    private final StateStore groupStore;
    private final EngineOptions options;
    /** Each group by name, in configuration order; replaced as a whole by a {@link #reload}. */
    private Map<String, Slot> groups = new LinkedHashMap<>();
    private volatile System.Logger log;
    private final Duration teardownBudget;
    /** Holds the {@code [leader]} lease; null without one (or in a dry run, which never scales). */
    private final LeaseKeeper keeper;
    /** The keeper, or {@link Leadership#ALONE}: what every group asks before it acts. A reload keeps it. */
    private final Leadership leadership;
    /** Tells the lease store's outages through the groups' notifiers; null without a keeper. */
    private final LeaseAlarm alarm;
    /** The running configuration's secrets, masked in what the alarm tells; replaced by a reload. */
    private volatile Redactor redactor;
    /** The keeper's renewals, once started. */
    private Scheduler.Scheduled leaseChecks;
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
        this(config, clock, scheduler, store, options, TickListener.NONE);
    }

    /**
     * Prepares the groups, telling {@code listener} about every tick, plugin call and failure (the status server).
     *
     * @param listener told on the ticks' threads; quick and never throwing
     */
    public Engine(EngineConfig config, Clock clock, Scheduler scheduler, StateStore store, EngineOptions options,
                  TickListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.options = Objects.requireNonNull(options, "options");
        this.teardownBudget = options.teardown();
        this.spreadFirstTicks = options.spreadFirstTicks();
        this.summaryEvery = options.summary();
        Setup setup = new Setup(config);
        this.log = setup.loggers.apply("io.autoscalebot.engine");
        this.redactor = setup.redactor;
        this.keeper = config.leader().filter(leader -> !options.dryRun())
                .map(leader -> new LeaseKeeper(leader, clock, calls, config.stateDirectory(), log)).orElse(null);
        this.leadership = keeper == null ? Leadership.ALONE : keeper;
        this.alarm = keeper == null ? null
                : new LeaseAlarm(clock, calls, config.stateDirectory(), setup.loggers, log,
                        config.leader().orElseThrow().renewEvery());
        StateStore local = options.dryRun() ? StateStore.readOnly(store) : store;
        // With a lease, the state also goes where the next leader reads it (when the lease plugin keeps state).
        this.groupStore = keeper == null ? local : new SharedStateStore(local, keeper, log);
        for (GroupConfig group : config.groups()) {
            groups.put(group.name(), new Slot(setup.runner(group, null)));
        }
    }

    /** One group's runner and, once started, its scheduled ticks. */
    private static final class Slot {
        final GroupRunner runner;
        Scheduler.Scheduled scheduled;

        Slot(GroupRunner runner) {
            this.runner = runner;
        }
    }

    /** What every runner of one configuration shares: its secrets masked in every log line, its state directory. */
    private final class Setup {
        final Redactor redactor;
        final Function<String, System.Logger> loggers;
        final Path stateDirectory;

        Setup(EngineConfig config) {
            this.redactor = Redactor.of(config.secrets());
            this.loggers = name -> new RedactingLogger(options.loggers().apply(name), redactor);
            this.stateDirectory = config.stateDirectory();
        }

        GroupRunner runner(GroupConfig group, GroupRunner.Handover from) {
            GroupStarter starter = new GroupStarter(group, clock, stateDirectory, options.dryRun(), loggers, calls);
            return new GroupRunner(group, clock, calls, groupStore, starter, redactor,
                    loggers.apply("io.autoscalebot.engine." + group.name()), options.dryRun(), teardownBudget, from,
                    leadership, listener);
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
        if (keeper != null) {
            // Before the groups, so that a group due at the start finds the lease already asked for.
            checkLease();
            leaseChecks = scheduler.every("leader", keeper.every(), keeper.every(), late -> checkLease());
        }
        boolean spread = spreadFirstTicks && groups.size() > 1;
        groups.values().forEach(slot -> schedule(slot, spread));
        if (!summaryEvery.isZero()) {
            summary = scheduler.every("summary", summaryEvery, summaryEvery, late -> logSummary());
        }
        log.log(Level.INFO, "started " + groups.size() + (groups.size() == 1 ? " group" : " groups")
                + (spread ? ", first ticks spread over each interval" : "")
                + (summaryEvery.isZero() ? "" : "; a summary line every " + Durations.human(summaryEvery)));
    }

    /** One INFO line for the ticks since the last: at thousands of groups, the routine ticks are DEBUG. */
    private void logSummary() {
        TickTally.Line line = tally.drain(summaryEvery);
        log.log(Level.INFO, (java.util.ResourceBundle) null, line.text(), line.fields());
    }

    /** A lone group has nothing to be spread from: it ticks at once. */
    private void schedule(Slot slot, boolean spread) {
        GroupRunner runner = slot.runner;
        Duration interval = runner.config().interval();
        Duration first = spread ? FirstTicks.offset(runner.name(), interval) : Duration.ZERO;
        slot.scheduled = scheduler.every(runner.name(), first, interval, late -> tickSafely(runner, late));
    }

    /**
     * Replaces the running configuration with {@code next}, group by group, without losing state: a group whose
     * settings did not change keeps running untouched; a changed group is torn down and rebuilt from its new settings
     * keeping its last scale, recent scales, open conditions and measurement history; a removed group is torn down
     * (its state file stays, for when it comes back); a new group starts from its state file. Each group torn down
     * gets its running tick finished first (up to a second, then it is torn down anyway, as on a stop).
     *
     * @param next the new configuration, validated
     * @return which groups were added, changed, removed and left as they were
     * @throws IllegalStateException when the engine was stopped
     */
    public synchronized Reload reload(EngineConfig next) {
        if (stopped) {
            throw new IllegalStateException("the engine was stopped");
        }
        Setup setup = new Setup(next);
        redactor = setup.redactor;
        Map<String, Slot> kept = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (GroupConfig group : next.groups()) {
            Slot old = groups.get(group.name());
            if (old != null && GroupChange.same(old.runner.config(), group)) {
                kept.put(group.name(), old);
                unchanged.add(group.name());
                continue;
            }
            GroupRunner.Handover from = null;
            if (old != null) {
                retire(old);
                from = old.runner.retire(UNWIND);
                changed.add(group.name());
            } else {
                added.add(group.name());
            }
            kept.put(group.name(), new Slot(setup.runner(group, from)));
        }
        List<String> removed = new ArrayList<>();
        for (Slot old : groups.values()) {
            if (!kept.containsKey(old.runner.name())) {
                retire(old);
                old.runner.teardown(UNWIND);
                removed.add(old.runner.name());
            }
        }
        groups = kept;
        log = setup.loggers.apply("io.autoscalebot.engine");
        if (started) {
            boolean spread = spreadFirstTicks && kept.size() > 1;
            kept.values().stream().filter(slot -> slot.scheduled == null).forEach(slot -> schedule(slot, spread));
        }
        Reload reload = new Reload(added, changed, removed, unchanged);
        log.log(Level.INFO, "reloaded " + next.file() + ": " + reload.describe());
        return reload;
    }

    /** Stops scheduling a group's ticks; a tick in progress finishes. */
    private static void retire(Slot slot) {
        if (slot.scheduled != null) {
            slot.scheduled.cancel();
        }
    }

    /** @return the runners, in configuration order, as they are now */
    private synchronized List<GroupRunner> runners() {
        return groups.values().stream().map(slot -> slot.runner).toList();
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
            if (keeper != null) {
                checkLease();
            }
            List<TickReport> reports = new ArrayList<>();
            for (GroupRunner runner : runners()) {
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
            groups.values().forEach(Engine::retire);
            if (leaseChecks != null) {
                leaseChecks.cancel();
            }
            if (summary != null) {
                summary.cancel();
            }
        }
        log.log(Level.INFO, "stopping (" + reason + "): running ticks get " + Durations.human(grace)
                + " to finish, then every group's plugins are torn down");
        // Not &&: a run --once must be given its grace and interrupted even when scheduled ticks overran theirs.
        boolean finished = scheduler.shutdown(grace) & finishRunOnce(grace);
        if (!finished) {
            log.log(Level.WARNING, "ticks still running after " + Durations.human(grace) + " were interrupted");
        }
        teardownAll();
        if (keeper != null) {
            keeper.release();
            alarm.teardown(teardownBudget);
        }
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
        List<GroupRunner> runners = runners();
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

    /** @return the upper bounds of the lateness histogram's buckets, for a metric that counts the same buckets */
    public static List<Duration> latenessBounds() {
        return LatenessMeter.BOUNDS;
    }

    /**
     * How late the scheduled ticks started so far: engine-wide and each group's last. A {@link #runOnce()} is not
     * scheduled and not counted.
     */
    public Lateness lateness() {
        Map<String, Duration> last = new LinkedHashMap<>();
        for (GroupRunner runner : runners()) {
            Duration late = runner.lastLateness();
            if (late != null) {
                last.put(runner.name(), late);
            }
        }
        return lateness.snapshot(last);
    }

    /**
     * @return {@code active} without {@code [leader]}; with it {@code leader} or {@code standby} as the lease stands
     *     now; empty before the engine started, when it has not asked for the lease yet
     */
    public Optional<String> role() {
        if (keeper == null) {
            return Optional.of("active");
        }
        synchronized (this) {
            if (!started) {
                return Optional.empty();
            }
        }
        return Optional.of(keeper.leads() ? "leader" : "standby");
    }

    /** @return the lease keeper of {@code [leader]}, or null without one */
    LeaseKeeper keeper() {
        return keeper;
    }

    private void checkLease() {
        try {
            keeper.check();
            List<Notification> outages = keeper.takeNotifications();
            if (!outages.isEmpty()) {
                alarm.send(outages, runners().stream().map(GroupRunner::config).toList(), redactor);
            }
        } catch (RuntimeException e) {
            log.log(Level.ERROR, "engine bug while checking the lease: " + e, e);
        }
    }

    /** A tick must never throw into the scheduler: that would cancel every later tick of the group. */
    private void tickSafely(GroupRunner runner, Duration late) {
        lateness.record(late);
        runner.started(late);
        listener.started(runner.name(), late);
        try {
            tally.record(runner.tick().outcome(), late);
        } catch (RuntimeException e) {
            log.log(Level.ERROR, runner.name() + ": engine bug in a tick: " + e, e);
        }
    }
}
