package io.autoscalebot.engine.loop;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.Durations;
import io.autoscalebot.engine.notify.NotificationPolicy;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.notify.TooRapid;
import io.autoscalebot.engine.state.GroupState;
import io.autoscalebot.engine.state.StateStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one group's ticks in nomad-autoscaler's order: before-tick hooks, the real count, a measurement, the decision
 * ({@link DecisionStep}), the scale, then notifications. Every plugin call is guarded, so a failing plugin fails this
 * group's tick and nothing else. One tick at a time per group.
 */
final class GroupRunner {

    private final GroupConfig group;
    private final Clock clock;
    private final PluginCalls calls;
    private final StateStore store;
    private final GroupStarter starter;
    private final NotificationPolicy policy;
    private final TooRapid tooRapid;
    private final Redactor redactor;
    private final System.Logger log;
    private final boolean dryRun;
    private final Duration teardownBudget;
    private final ReentrantLock lock = new ReentrantLock();

    private GroupPlugins plugins;
    /**
     * Instances of a failed start not torn down yet: kept here, not in the tick, so that when the engine stops in the
     * middle of that tick (interrupting it) {@link #teardown(Duration)} still tears them down. Concurrent, since a
     * stop that gave up waiting for a tick tears down beside it; each instance is taken by one of them.
     */
    private final Deque<Instance<?>> leftovers = new ConcurrentLinkedDeque<>();
    private History history;
    private GroupState state;
    /** What the store holds, so unchanged state is not rewritten on every tick. */
    private GroupState recorded;

    GroupRunner(GroupConfig group, Clock clock, PluginCalls calls, StateStore store, GroupStarter starter,
                Redactor redactor, System.Logger log, boolean dryRun, Duration teardownBudget) {
        this.group = group;
        this.clock = clock;
        this.calls = calls;
        this.store = store;
        this.starter = starter;
        this.redactor = redactor;
        this.log = log;
        this.dryRun = dryRun;
        this.teardownBudget = teardownBudget;
        this.tooRapid = new TooRapid(group.rules());
        this.state = store.load(group.name());
        this.recorded = state;
        this.policy = new NotificationPolicy(group.name(), group.rules(), redactor, state.activeConditions());
    }

    String name() {
        return group.name();
    }

    /** Runs one tick; never throws for a plugin's failure. */
    TickReport tick() {
        lock.lock();
        try {
            Tick tick = new Tick(clock.instant());
            TickReport report = run(tick);
            log.log(report.outcome() == TickReport.Outcome.HELD || report.outcome() == TickReport.Outcome.SCALED
                    ? Level.INFO : Level.WARNING, report.summary());
            saveState();
            deliver(tick.outbox, plugins == null ? tick.fallbackNotifiers : plugins.notifiers());
            tick.afterDelivery.run();
            return report;
        } finally {
            lock.unlock();
        }
    }

    private TickReport run(Tick tick) {
        if (plugins == null && !start(tick)) {
            return tick.report(TickReport.Outcome.NOT_STARTED);
        }
        for (Instance<?> instance : plugins.all()) {
            CallResult<Void> hook = calls.run(instance, group.timeout(), instance.plugin()::beforeTick);
            if (!hook.succeeded()) {
                return tickFailed(tick, "before-tick hook of " + instance.label() + " failed: " + hook.failure());
            }
        }
        CallResult<Integer> current = calls.call(plugins.scale(), group.timeout(), plugins.scale().plugin()::current);
        String countProblem = countProblem(current);
        if (countProblem != null) {
            String message = "cannot read the current count from " + plugins.scale().label() + ": " + countProblem;
            tick.event(EventType.SCALE_FAILED, message, Map.of("reason", countProblem));
            return tick.report(TickReport.Outcome.FAILED, message);
        }
        return measureAndDecide(tick, current.value());
    }

    private TickReport measureAndDecide(Tick tick, int current) {
        tick.note("current " + current);
        Measurement measurement = measure(tick.start);
        history.add(measurement);
        if (measurement.succeeded()) {
            tick.event(EventType.MEASUREMENT, "measured " + measurement.describe(),
                    Map.of("measurement", measurement.describe()));
        }
        DecisionInput input = new DecisionInput(group.name(), clock.instant(), group.zone(), current, group.min(),
                group.max(), history.measurements(), state.lastScale());
        Verdict verdict = DecisionStep.decide(input, context -> {
            CallResult<io.autoscalebot.api.decide.Decision> decision = calls.call(plugins.decide(), group.timeout(),
                    () -> plugins.decide().plugin().decide(context));
            if (!decision.succeeded()) {
                throw new CallFailedException(decision.failure());
            }
            return decision.value();
        });
        String failure = !measurement.succeeded() ? "measurement failed: " + measurement.failure()
                : verdict.failure().orElse(null);
        // A decide plugin holding because the measurement failed gives the failure as its reason: say it once.
        if (measurement.succeeded() || !verdict.reason().contains(measurement.failure())) {
            tick.note(measurement.succeeded() ? "measured " + measurement.describe() : failure);
        }
        tick.failure(failure, measurement);
        if (!verdict.failed()) {
            tick.bounds(verdict);
        }
        TickReport.Outcome outcome = TickReport.Outcome.HELD;
        if (verdict.scales()) {
            outcome = scale(tick, new ScaleAction(current, verdict.target(), verdict.reason(), dryRun), measurement,
                    verdict);
        } else {
            tick.note("hold: " + verdict.reason());
        }
        tick.tooRapid(tooRapid.check(state.recentScales(), tick.start).orElse(null));
        return tick.report(failure != null ? TickReport.Outcome.FAILED : outcome);
    }

    /** @return what is wrong with a count the scale plugin gave (failed, null, negative), or null when usable */
    private static String countProblem(CallResult<Integer> count) {
        if (!count.succeeded()) {
            return count.failure();
        }
        if (count.value() == null) {
            return "it returned no count (null)";
        }
        return count.value() < 0 ? "it reported a negative count, " + count.value() : null;
    }

    private Measurement measure(Instant now) {
        CallResult<Measurement> result = calls.call(plugins.measure(), group.timeout(),
                plugins.measure().plugin()::measure);
        if (!result.succeeded()) {
            return Measurement.failed(now, result.failure());
        }
        if (result.value() == null) {
            return Measurement.failed(now, plugins.measure().label() + " returned no measurement (null)");
        }
        return result.value();
    }

    /** @return SCALED when the count changed (or, in a dry run, would have), else FAILED */
    private TickReport.Outcome scale(Tick tick, ScaleAction action, Measurement measurement, Verdict verdict) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", String.valueOf(action.from()));
        details.put("to", String.valueOf(action.to()));
        details.put("reason", action.reason());
        details.put("measurement", measurement.describe());
        details.put("min", String.valueOf(verdict.min()));
        details.put("max", String.valueOf(verdict.max()));
        details.put("dry_run", String.valueOf(action.dryRun()));
        String problem = null;
        int after = action.to();
        if (!action.dryRun()) {
            CallResult<Integer> result = calls.call(plugins.scale(), group.timeout(),
                    () -> plugins.scale().plugin().scaleTo(action.to()));
            problem = countProblem(result);
            if (problem == null && result.value() == action.from()) {
                problem = "it still reports " + action.from() + " processes";
            }
            after = problem == null ? result.value() : action.from();
        }
        if (problem != null) {
            String message = "scaling " + action.from() + " -> " + action.to() + " failed: " + problem;
            details.put("error", problem);
            tick.event(EventType.SCALE_FAILED, message, details);
            tick.note(message);
            return TickReport.Outcome.FAILED;
        }
        state = state.withScale(new ScaleEvent(tick.start, action.from(), after),
                tick.start.minus(group.rules().tooRapidPeriod()));
        String partly = after != action.to() ? " (asked for " + action.to() + ", now " + after + ")" : "";
        String outcome = action.describe() + partly + ": " + action.reason();
        tick.event(EventType.SCALE, outcome, details);
        tick.note(outcome);
        return TickReport.Outcome.SCALED;
    }

    private TickReport tickFailed(Tick tick, String failure) {
        tick.failure(failure, null);
        return tick.report(TickReport.Outcome.FAILED, failure);
    }

    private boolean start(Tick tick) {
        GroupStarter.Started started = starter.start();
        if (started.plugins() != null) {
            plugins = started.plugins();
            history = new History(plugins.historySize());
            return true;
        }
        tick.failure(started.failure(), null);
        tick.note(started.failure() + "; retrying next tick");
        // Told through the notifiers that did set up, before tearing them down with the rest.
        tick.fallbackNotifiers = started.readyNotifiers();
        leftovers.addAll(started.created());
        tick.afterDelivery = () -> tearDown(leftovers, System.nanoTime() + teardownBudget.toNanos());
        return false;
    }

    private void saveState() {
        state = state.withConditions(policy.activeConditions());
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
            log.log(Level.WARNING, group.name() + ": could not record the state (" + e
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
                CallResult<Void> sent = calls.run(notifier, group.timeout(),
                        () -> notifier.plugin().notify(notification));
                if (!sent.succeeded()) {
                    log.log(Level.WARNING, group.name() + ": " + notifier.label() + " could not deliver the "
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
                log.log(Level.WARNING, group.name() + ": a tick was still running after " + wait
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
                log.log(Level.WARNING, group.name() + ": " + instance.label() + " was not torn down: the teardown "
                        + "budget of " + Durations.human(teardownBudget) + " was used up");
                continue;
            }
            CallResult<Void> done = calls.run(instance, Duration.ofNanos(left), instance.plugin()::teardown);
            if (!done.succeeded() && Thread.currentThread().isInterrupted()) {
                pending.addFirst(instance);
            } else if (!done.succeeded()) {
                log.log(Level.WARNING, group.name() + ": teardown of " + instance.label() + " failed: "
                        + done.failure());
            }
        }
    }

    /** What one tick gathers: its notifications, its log line, and what to do after delivering. */
    private final class Tick {
        final Instant start;
        final List<Notification> outbox = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        List<Instance<Notify>> fallbackNotifiers = List.of();
        Runnable afterDelivery = () -> { };

        Tick(Instant start) {
            this.start = start;
        }

        void note(String text) {
            notes.add(text);
        }

        void event(EventType type, String message, Map<String, String> details) {
            policy.event(type, start, message, details).ifPresent(outbox::add);
        }

        /** MEASUREMENT_FAILED stands for "could not measure and decide": start, hooks, measure or decide failed. */
        void failure(String failure, Measurement measurement) {
            String back = "measuring again" + (measurement == null ? "" : ": " + measurement.describe());
            policy.condition(EventType.MEASUREMENT_FAILED, failure != null, start, failure, back,
                    failure == null ? Map.of() : Map.of("reason", failure)).ifPresent(outbox::add);
        }

        void bounds(Verdict verdict) {
            String wanted = verdict.wanted().isPresent() ? String.valueOf(verdict.wanted().getAsInt()) : "";
            policy.condition(EventType.ABOVE_MAX, verdict.conditions().contains(EventType.ABOVE_MAX), start,
                    "wants " + processes(wanted) + ", more than max " + verdict.max() + ": " + verdict.reason(),
                    "back within max " + verdict.max(), Map.of("wanted", wanted, "max",
                            String.valueOf(verdict.max()))).ifPresent(outbox::add);
            policy.condition(EventType.BELOW_MIN, verdict.conditions().contains(EventType.BELOW_MIN), start,
                    "wants " + processes(wanted) + ", fewer than min " + verdict.min() + ": " + verdict.reason(),
                    "back within min " + verdict.min(), Map.of("wanted", wanted, "min",
                            String.valueOf(verdict.min()))).ifPresent(outbox::add);
        }

        private String processes(String count) {
            return count + ("1".equals(count) ? " process" : " processes");
        }

        void tooRapid(String why) {
            policy.condition(EventType.TOO_RAPID, why != null, start, "scaling too rapidly: " + why,
                    "scaling is no longer too rapid", why == null ? Map.of() : Map.of("reason", why))
                    .ifPresent(outbox::add);
        }

        TickReport report(TickReport.Outcome outcome, String... extra) {
            List.of(extra).forEach(this::note);
            String summary = redactor.redact(group.name() + ": " + String.join(", ", notes));
            return new TickReport(group.name(), start, outcome, summary);
        }
    }
}
