package io.autoscalebot.engine.loop;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.Durations;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.state.GroupState;
import io.autoscalebot.engine.state.StateStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one group's ticks for the {@link Engine}: starts its plugins (retrying at the next tick when one fails to set
 * up), ticks them through the group's {@link TickPipeline} with guarded calls, logs each tick, records the group's
 * state and delivers its notifications, and tears its plugins down when the engine stops. One tick at a time per group.
 */
final class GroupRunner {

    private final GroupConfig group;
    private final PluginCalls calls;
    private final StateStore store;
    private final GroupStarter starter;
    private final Clock clock;
    private final Redactor redactor;
    private final boolean dryRun;
    private final Leadership leadership;
    /** The plugin calls, timed for the status server when it listens. */
    private final PluginCaller caller;
    private TickPipeline pipeline;
    /**
     * The term of leadership ({@link Leadership#term()}) the state was read in: a tick in another term (a standby that
     * became leader, a leader that lost the lease and took it again) reads it again from where the last leader wrote.
     */
    private long term;
    private final System.Logger log;
    private final Duration teardownBudget;
    private final ReentrantLock lock = new ReentrantLock();
    private final TickListener listener;

    private GroupPlugins plugins;
    /**
     * Instances of a failed start not torn down yet: kept here, not in the tick, so that when the engine stops in the
     * middle of that tick (interrupting it) {@link #teardown(Duration)} still tears them down. Concurrent, since a
     * stop that gave up waiting for a tick tears down beside it; each instance is taken by one of them.
     */
    private final Deque<Instance<?>> leftovers = new ConcurrentLinkedDeque<>();
    /** How late the last scheduled tick started; null before the first. */
    private volatile Duration lastLateness;
    /** What the store holds, so unchanged state is not rewritten on every tick. */
    private GroupState recorded;

    /**
     * What a group's runner hands the runner of its changed configuration on a reload, so that the group goes on
     * where it was.
     *
     * @param state the last scale, recent scales and open conditions
     * @param history the measurements its decide plugin would have been given, oldest first
     * @param term the term of leadership the state belongs to
     */
    record Handover(GroupState state, List<Measurement> history, long term) {
    }

    /**
     * @param from what the group's previous runner handed over on a reload; null to start from the state store
     * @param leadership whether this instance leads ({@link Leadership#ALONE} without {@code [leader]})
     * @param listener told about every tick and plugin call (the status server), or {@link TickListener#NONE}
     */
    GroupRunner(GroupConfig group, Clock clock, PluginCalls calls, StateStore store, GroupStarter starter,
                Redactor redactor, System.Logger log, boolean dryRun, Duration teardownBudget, Handover from,
                Leadership leadership, TickListener listener) {
        this.group = group;
        this.calls = calls;
        this.store = store;
        this.starter = starter;
        this.log = log;
        this.teardownBudget = teardownBudget;
        this.clock = clock;
        this.redactor = redactor;
        this.dryRun = dryRun;
        this.leadership = leadership;
        this.listener = listener;
        this.recorded = from == null ? store.load(group.name()) : from.state();
        // Without a lease there is one term, 0, and the state directory's lock makes this instance its only writer.
        this.term = from != null ? from.term() : leadership == Leadership.ALONE ? 0 : Leadership.NO_TERM;
        // Timed only when someone listens: without a status server a call costs what it did.
        this.caller = listener == TickListener.NONE ? calls : new TimedCalls(calls, group.name(), listener);
        this.pipeline = TickPipeline.guarded(group, clock, caller, redactor, recorded, dryRun, leadership);
        if (from != null) {
            pipeline.carryOver(from.history());
        }
    }

    GroupConfig config() {
        return group;
    }

    /**
     * Tears the group down, as {@link #teardown(Duration)} does, and hands over where it was: called on a reload
     * that changed the group, once its ticks are no longer scheduled.
     */
    Handover retire(Duration wait) {
        teardown(wait);
        lock.lock();
        try {
            return new Handover(pipeline.state(), pipeline.recentMeasurements(), term);
        } finally {
            lock.unlock();
        }
    }

    String name() {
        return group.name();
    }

    /** Notes that a scheduled tick starts {@code late} after it was due. */
    void started(Duration late) {
        lastLateness = late;
    }

    /** @return how late the last scheduled tick started, or null before the first */
    Duration lastLateness() {
        return lastLateness;
    }

    /** Runs one tick; never throws for a plugin's failure. */
    TickReport tick() {
        lock.lock();
        try {
            if (!leadership.leads()) {
                return standby();
            }
            long now = leadership.term();
            if (now != term) {
                // What the previous leader recorded is what this one goes on from (its last scale, told conditions).
                try {
                    recorded = store.takeOver(group.name());
                } catch (java.io.IOException | RuntimeException e) {
                    return stateUnreadable(e);
                }
                term = now;
                pipeline = TickPipeline.guarded(group, clock, caller, redactor, recorded, dryRun, leadership);
            }
            if (plugins == null) {
                GroupStarter.Started started = starter.start();
                if (started.plugins() == null) {
                    return notStarted(started);
                }
                plugins = started.plugins();
                guides(plugins.decide());
            }
            TickPipeline.Result result = pipeline.tick(plugins);
            finish(result, plugins.notifiers());
            return result.report();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new leader that cannot read what the last one recorded acts on nothing: with an older state it could scale
     * again inside the last scale's wait, or tell open conditions again. It tries again at the next tick.
     */
    private TickReport stateUnreadable(Exception e) {
        TickReport report = new TickReport(group.name(), clock.instant(), TickReport.Outcome.FAILED,
                group.name() + ": leading now, but the state the last leader recorded could not be read (" + e
                        .getMessage() + "); nothing measured or scaled, retried at the next tick");
        warn(report.summary());
        listener.failed(group.name(), "state");
        return report;
    }

    /** Tells the listener (the dashboard) the decide plugin's guide lines; a plugin that fails to say has none. */
    private void guides(Instance<Decide> decide) {
        if (listener == TickListener.NONE) {
            return;
        }
        CallResult<List<GuideLine>> lines = calls.call(decide, group.setupTimeout(), decide.plugin()::guideLines);
        listener.guides(group.name(), lines.succeeded() && lines.value() != null
                ? lines.value().stream().filter(Objects::nonNull).toList() : List.of());
    }

    /** A standby's tick: nothing measured, decided, scaled, told or recorded. */
    private TickReport standby() {
        TickReport report = new TickReport(group.name(), clock.instant(), TickReport.Outcome.STANDBY,
                group.name() + ": standby: another instance holds the lease");
        log.log(Level.DEBUG, report.summary());
        return report;
    }

    private TickReport notStarted(GroupStarter.Started started) {
        // Kept before anything else, so that a stop interrupting this tick still tears them down.
        leftovers.addAll(started.created());
        TickPipeline.Result result = pipeline.notStarted(started.failure());
        // Told through the notifiers that did set up, before tearing them down with the rest.
        finish(result, started.readyNotifiers());
        tearDown(leftovers, System.nanoTime() + teardownBudget.toNanos());
        return result.report();
    }

    /** Logs the tick, records the state it left, and tells the notifiers. */
    private void finish(TickPipeline.Result result, List<Instance<Notify>> notifiers) {
        TickReport report = result.report();
        result.warnings().forEach(this::warn);
        Level level = level(report, result.notifications());
        if (log.isLoggable(level)) {
            log.log(level, (java.util.ResourceBundle) null, report.summary(), fields(result));
        }
        if (report.outcome() == TickReport.Outcome.STANDBY || !leadership.leads()) {
            // The lease went during the tick: the successor records and tells from now on.
            return;
        }
        saveState();
        result.failedStage().ifPresent(stage -> listener.failed(group.name(), stage));
        listener.ticked(result, pipeline.state());
        deliver(result.notifications(), notifiers);
    }

    /** @return the tick's figures for a structured log: {@code group}, {@code outcome}, {@code from}, {@code to}... */
    private Map<String, Object> fields(TickPipeline.Result result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("group", group.name());
        fields.put("outcome", result.report().outcome().name().toLowerCase(java.util.Locale.ROOT));
        result.verdict().ifPresent(verdict -> {
            fields.put("from", verdict.current());
            if (verdict.scales()) {
                fields.put("to", verdict.target());
            }
            fields.put("min", verdict.min());
            fields.put("max", verdict.max());
            fields.put("reason", verdict.reason());
        });
        result.failure().ifPresent(failure -> fields.put("failure", failure));
        return fields;
    }

    /** A warning about this group, with the group as a field for a structured log. */
    private void warn(String message) {
        log.log(Level.WARNING, (java.util.ResourceBundle) null, message, Map.of("group", group.name()));
    }

    /**
     * A held tick with nothing new (no condition opened or closed; a routine measurement notification does not count)
     * is routine, and at 10,000 groups one INFO line each would be most of the output: it logs at DEBUG. Scales and
     * condition changes stay INFO; failures WARNING.
     */
    static Level level(TickReport report, List<Notification> notifications) {
        return switch (report.outcome()) {
            case HELD -> notifications.stream().allMatch(n -> n.type() == EventType.MEASUREMENT)
                    ? Level.DEBUG : Level.INFO;
            case SCALED -> Level.INFO;
            case FAILED, NOT_STARTED -> Level.WARNING;
            case STANDBY -> Level.INFO;
        };
    }

    private void saveState() {
        GroupState state = pipeline.state();
        if (state.equals(recorded)) {
            return;
        }
        // A tick the engine's stop interrupted still records what it learnt: file channels refuse to write on an
        // interrupted thread (ClosedByInterruptException).
        boolean interrupted = Thread.interrupted();
        try {
            store.save(group.name(), state);
            recorded = state;
        } catch (java.io.IOException | RuntimeException e) {
            warn(group.name() + ": could not record the state (" + e
                    + "); after a restart the last scale at " + state.lastScale().map(s -> s.time().toString())
                    .orElse("(none)") + " may be forgotten. Check that the state directory is writable.");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deliver(List<Notification> outbox, List<Instance<Notify>> notifiers) {
        for (Notification notification : outbox) {
            for (Instance<Notify> notifier : notifiers) {
                // The notifier's own notify_on, read at the time of the event (the injected clock's) in the group's zone.
                if (!notifier.config().events().allows(notification.type(), notification.time().atZone(group.zone()))) {
                    continue;
                }
                CallResult<Void> sent = calls.run(notifier, group.timeout(),
                        () -> notifier.plugin().notify(notification));
                if (!sent.succeeded()) {
                    listener.failed(group.name(), "notify");
                    warn(group.name() + ": " + notifier.label() + " could not deliver the "
                            + notification.type() + " notification: " + sent.failure());
                }
            }
        }
    }

    /**
     * Tears down every instance, all within the teardown budget. Waits up to {@code wait} for a running tick to
     * finish first; tears down anyway after that, since a stop must end in bounded time.
     */
    void teardown(Duration wait) {
        boolean locked = false;
        try {
            locked = lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!locked) {
                warn(group.name() + ": a tick was still running after " + wait
                        + "; tearing down its plugins anyway");
            }
            if (plugins != null) {
                leftovers.addAll(plugins.all());
                plugins = null;
            }
            tearDown(leftovers, System.nanoTime() + teardownBudget.toNanos());
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /**
     * Tears down and forgets one instance after the other, each with what is left of the budget until
     * {@code deadline}. On an interrupted thread (the engine is stopping a tick) it stops and leaves the rest, the
     * interrupted one included, to the engine's own teardown.
     */
    private void tearDown(Deque<Instance<?>> pending, long deadline) {
        Instance<?> instance;
        while (!Thread.currentThread().isInterrupted() && (instance = pending.pollFirst()) != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                warn(group.name() + ": " + instance.label() + " was not torn down: the teardown "
                        + "budget of " + Durations.human(teardownBudget) + " was used up");
                continue;
            }
            CallResult<Void> done = calls.run(instance, Duration.ofNanos(left), instance.plugin()::teardown);
            if (!done.succeeded() && Thread.currentThread().isInterrupted()) {
                pending.addFirst(instance);
            } else if (!done.succeeded()) {
                warn(group.name() + ": teardown of " + instance.label() + " failed: "
                        + done.failure());
            }
        }
    }
}
