package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.engine.context.ScaleRecord;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.notify.Durations;
import io.autoscalebot.engine.notify.NotificationPolicy;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.notify.TooRapid;
import io.autoscalebot.engine.state.GroupState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One group's tick, the same for {@code run} and {@code simulate}, in nomad-autoscaler's order: every instance's
 * before-tick hook, the real count from the scale plugin, a measurement, the decision clamped to [min, max]
 * ({@link DecisionStep}), the scale, then the events the group's notify rules turn into notifications (conditions on
 * their edges, too-rapid scaling). A plugin that throws, hangs or returns garbage fails the tick, never the caller.
 *
 * <p><b>Two ways of calling plugins, one pipeline.</b> {@link #guarded} ticks with {@link PluginCalls} (worker
 * threads, the group's timeout, interruption) and narrates each tick for the log: what {@code run} does. {@link #direct}
 * ticks with {@link DirectCalls} on the caller's thread in virtual time and keeps no narrative nobody reads: what a
 * simulation does, with the model standing in for the measure and scale plugins. Nothing else differs, so what a
 * simulation shows is what a run does.
 *
 * <p>Not thread safe: one tick at a time per group.
 */
public final class TickPipeline {

    private final GroupConfig group;
    private final Clock clock;
    private final PluginCaller calls;
    private final Redactor redactor;
    private final boolean dryRun;
    private final boolean narrate;
    private final Leadership leadership;
    private final NotificationPolicy policy;
    private final TooRapid tooRapid;
    private GroupState state;
    /** The instances {@link #history} was made for: a new set (a restart) starts a new history of its size. */
    private GroupPlugins historyOwner;
    private History history;
    private List<Instance<?>> hooked;
    /** Failed measurements since the last successful one, for the group's fallback. */
    private int failedInARow;
    /** Measurements handed over from the group's previous configuration (a reload), for its first history. */
    private List<Measurement> carried = List.of();

    private TickPipeline(GroupConfig group, Clock clock, PluginCaller calls, Redactor redactor, GroupState state,
                         boolean dryRun, boolean narrate, Leadership leadership) {
        this.group = Objects.requireNonNull(group, "group");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.state = Objects.requireNonNull(state, "state");
        this.dryRun = dryRun;
        this.narrate = narrate;
        this.leadership = Objects.requireNonNull(leadership, "leadership");
        this.policy = new NotificationPolicy(group.name(), group.rules(), redactor, state.activeConditions());
        this.tooRapid = new TooRapid(group.rules());
    }

    /**
     * The pipeline of {@code run}: guarded calls, a narrated tick.
     *
     * @param group the group
     * @param clock the time of every tick and decision
     * @param calls the engine's guarded calls
     * @param redactor masks secrets in the narrative and the notifications
     * @param state what the group's state store holds: the last scale, recent scales, the conditions already told
     * @param dryRun true to run every step but the scale call
     * @return the pipeline
     */
    public static TickPipeline guarded(GroupConfig group, Clock clock, PluginCaller calls, Redactor redactor,
                                       GroupState state, boolean dryRun) {
        return guarded(group, clock, calls, redactor, state, dryRun, Leadership.ALONE);
    }

    /**
     * As {@link #guarded(GroupConfig, Clock, PluginCaller, Redactor, GroupState, boolean)}, asking {@code leadership}
     * to {@link Leadership#confirm() confirm} the lease right before every scale call.
     */
    public static TickPipeline guarded(GroupConfig group, Clock clock, PluginCaller calls, Redactor redactor,
                                       GroupState state, boolean dryRun, Leadership leadership) {
        return new TickPipeline(group, clock, calls, redactor, state, dryRun, true, leadership);
    }

    /**
     * The pipeline of a simulation: direct calls in virtual time, from an empty state, every scale made (the model's
     * scale plugin only moves the model), no narrative ({@link TickReport#summary()} is empty).
     *
     * @param group the group
     * @param clock the virtual clock the simulation moves
     * @param redactor masks secrets in failures and notifications
     * @return the pipeline
     */
    public static TickPipeline direct(GroupConfig group, Clock clock, Redactor redactor) {
        return new TickPipeline(group, clock, new DirectCalls(), redactor, GroupState.EMPTY, false, false, Leadership.ALONE);
    }

    /**
     * How a tick went.
     *
     * @param report its outcome and, when narrated, its log line
     * @param verdict the decision, clamped; empty when the tick ended before deciding (a hook, the count, the start)
     * @param failure why the tick failed, secrets masked; empty when it did not
     * @param notifications what the group's notifiers are to be told, secrets masked, in order
     * @param warnings what the operator should hear apart from the tick's outcome (a last scale recorded in the
     *     future), secrets masked; each said once
     * @param measurement the tick's measurement, failed or not; empty when the tick ended before measuring
     * @param failedStage where the tick failed ({@code start}, {@code hook}, {@code measure}, {@code decide},
     *     {@code scale}); empty when it did not
     */
    public record Result(TickReport report, Optional<Verdict> verdict, Optional<String> failure,
                         List<Notification> notifications, List<String> warnings, Optional<Measurement> measurement,
                         Optional<String> failedStage) {

        /** Checks and copies. */
        public Result {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(failure, "failure");
            notifications = List.copyOf(notifications);
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(measurement, "measurement");
            Objects.requireNonNull(failedStage, "failedStage");
        }
    }

    /** @return the group's state now, to record: the last scale, the scales still in the too-rapid window, conditions */
    public GroupState state() {
        return state.withConditions(policy.activeConditions());
    }

    /**
     * Starts the history with measurements a previous pipeline of the group made (a configuration reload), so a
     * changed group decides on what it has already seen; the decide plugin's history size still applies.
     *
     * @param measurements oldest first
     */
    public void carryOver(List<Measurement> measurements) {
        carried = List.copyOf(measurements);
        historyOwner = null;
    }

    /** @return the measurements this pipeline would hand its decide plugin now, oldest first */
    public List<Measurement> recentMeasurements() {
        return history == null ? carried : history.measurements();
    }

    /**
     * Runs one tick at the clock's time.
     *
     * @param plugins the group's instances, all set up
     * @return how it went; never throws for a plugin's failure
     */
    public Result tick(GroupPlugins plugins) {
        Tick tick = new Tick(clock.instant());
        tick.setupFailed(null);
        correctFutureScales(tick);
        for (Instance<?> instance : instancesOf(plugins)) {
            CallResult<Void> hook = calls.run(instance, group.timeout(), instance.plugin()::beforeTick);
            if (!hook.succeeded()) {
                String failure = "before-tick hook of " + instance.label() + " failed: " + hook.failure();
                tick.failure(failure, null);
                tick.note(() -> failure);
                tick.stage = "hook";
                return tick.result(TickReport.Outcome.FAILED, null, failure);
            }
        }
        CallResult<Integer> current = calls.call(plugins.scale(), group.timeout(), plugins.scale().plugin()::current);
        String countProblem = countProblem(current);
        if (countProblem != null) {
            String failure = "cannot read the current count from " + plugins.scale().label() + ": " + countProblem;
            tick.event(EventType.SCALE_FAILED, () -> failure, () -> Map.of("reason", countProblem));
            tick.note(() -> failure);
            tick.stage = "scale";
            return tick.result(TickReport.Outcome.FAILED, null, failure);
        }
        return measureAndDecide(tick, plugins, current.value());
    }

    /**
     * A tick in which the group's plugins could not be created or set up ({@code run} retries at the next): told as
     * SETUP_FAILED, once until the group starts; no measurement was even attempted.
     *
     * @param failure why the start failed ({@code setting up measure 'x' failed: ...})
     * @return the tick, {@link TickReport.Outcome#NOT_STARTED}
     */
    public Result notStarted(String failure) {
        Tick tick = new Tick(clock.instant());
        tick.setupFailed(failure);
        tick.note(() -> failure + "; retrying next tick");
        tick.stage = "start";
        return tick.result(TickReport.Outcome.NOT_STARTED, null, failure);
    }

    /**
     * A last scale recorded after now (the clock was set back after it was recorded, or the state file came from a
     * machine whose clock ran ahead) would make a decide plugin's post-scale wait last until that time: 639,888 hours
     * were seen. It is moved to now, so the wait is at most the decide plugin's own post-scale wait from now, and
     * the operator is warned; the corrected state is recorded, so the warning comes once.
     */
    private void correctFutureScales(Tick tick) {
        Optional<ScaleEvent> last = state.lastScale();
        if (last.isEmpty() || !last.get().time().isAfter(tick.start)) {
            return;
        }
        Instant recorded = last.get().time();
        List<ScaleEvent> recent = new ArrayList<>();
        for (ScaleEvent scale : state.recentScales()) {
            recent.add(scale.time().isAfter(tick.start) ? new ScaleRecord(tick.start, scale.from(), scale.to()) : scale);
        }
        ScaleEvent corrected = new ScaleRecord(tick.start, last.get().from(), last.get().to());
        state = new GroupState(Optional.of(corrected), recent, state.activeConditions());
        tick.warn(group.name() + ": the last scale (" + last.get().from() + " -> " + last.get().to()
                + ") is recorded at " + recorded + ", " + Durations.human(Duration.between(tick.start, recorded))
                + " after now; the clock was probably set back. Counting it as made now, so the group waits at most "
                + "its decide plugin's post-scale wait");
    }

    private Result measureAndDecide(Tick tick, GroupPlugins plugins, int current) {
        // The per-tick notes are guarded here, not only inside note(): a lambda is made before note() can say no, and
        // a simulation's hundreds of thousands of ticks are never narrated.
        if (narrate) {
            tick.note(() -> "current " + current);
        }
        Measurement measurement = measure(plugins, tick.start);
        tick.measurement = measurement;
        History recent = historyOf(plugins);
        recent.add(measurement);
        if (measurement.succeeded() && policy.notifies(EventType.MEASUREMENT)) {
            tick.event(EventType.MEASUREMENT, () -> "measured " + measurement.describe(),
                    () -> Map.of("measurement", measurement.describe()));
        }
        failedInARow = measurement.succeeded() ? 0 : failedInARow + 1;
        boolean fallback = group.fallback().engages(failedInARow);
        int failed = failedInARow;
        tick.fallback(fallback, () -> fallbackReason(failed, current));
        DecisionInput input = new DecisionInput(group.name(), clock.instant(), group.zone(), current, group.min(),
                group.max(), recent.measurements(), state.lastScale(), state.recentScales());
        Verdict verdict = DecisionStep.decide(input, fallback
                ? context -> fallbackDecision(failed, context.current())
                : context -> calls.<Decision>call(plugins.decide(), group.timeout(),
                        () -> plugins.decide().plugin().decide(context)).orThrow());
        String failure = !measurement.succeeded() ? "measurement failed: " + measurement.failure()
                : verdict.failure().orElse(null);
        // A decide plugin holding because the measurement failed gives the failure as its reason: say it once.
        if (measurement.succeeded()) {
            // Worded only for a narrated tick: a simulation's hundreds of thousands of ticks never read it.
            if (narrate) {
                tick.note(() -> "measured " + measurement.describe());
            }
        } else if (!verdict.reason().contains(measurement.failure())) {
            String measured = failure;
            tick.note(() -> measured);
        }
        tick.failure(failure, measurement);
        tick.stage = !measurement.succeeded() ? "measure" : verdict.failed() ? "decide" : null;
        if (!verdict.failed()) {
            tick.bounds(verdict);
        }
        TickReport.Outcome outcome = TickReport.Outcome.HELD;
        if (verdict.scales()) {
            ScaleAction action = new ScaleAction(current, verdict.target(), dryRun);
            if (!dryRun && !leadership.confirm()) {
                // Decided while leading, but the lease is gone now (a pause, a lost store): a successor may act.
                tick.note(() -> "not scaling " + action.from() + " -> " + action.to() + ": this instance no longer"
                        + " holds the lease");
                return tick.result(TickReport.Outcome.STANDBY, verdict, failure);
            }
            String problem = scale(tick, plugins, action, measurement, verdict);
            outcome = problem == null ? TickReport.Outcome.SCALED : TickReport.Outcome.FAILED;
            if (failure == null && problem != null) {
                failure = problem;
                tick.stage = "scale";
            }
        } else if (narrate) {
            tick.note(() -> "hold: " + verdict.reason());
        }
        tick.tooRapid(tooRapid.check(state.recentScales(), tick.start).orElse(null));
        return tick.result(failure != null ? TickReport.Outcome.FAILED : outcome, verdict, failure);
    }

    /**
     * What the fallback decides in place of the decide plugin: up to its count, or hold. Never down: missing data is
     * no reason to remove processes that may be carrying the load.
     */
    private Decision fallbackDecision(int failed, int current) {
        return group.fallback().processes().isPresent() && group.fallback().processes().getAsInt() > current
                ? Decision.scaleTo(group.fallback().processes().getAsInt(), fallbackReason(failed, current))
                : Decision.hold(fallbackReason(failed, current));
    }

    private String fallbackReason(int failed, int current) {
        String prefix = failed + " measurements failed in a row; fallback: ";
        if (group.fallback().processes().isEmpty()) {
            return prefix + "holding at " + current;
        }
        int processes = group.fallback().processes().getAsInt();
        return processes > current ? prefix + "going up to " + processes
                : prefix + "holding at " + current + " (never scaling down on missing data; the fallback count is "
                        + processes + ")";
    }

    private History historyOf(GroupPlugins plugins) {
        own(plugins);
        return history;
    }

    /**
     * @return the instances of {@code plugins.all()} that have a before-tick hook, in that order, found once per set of
     *     instances: the hook the API gives by default does nothing, and calling it for every instance was a tenth of
     *     a simulated tick (a run saves the guarded call too)
     */
    private List<Instance<?>> instancesOf(GroupPlugins plugins) {
        own(plugins);
        return hooked;
    }

    private void own(GroupPlugins plugins) {
        if (plugins != historyOwner) {
            historyOwner = plugins;
            history = new History(plugins.historySize());
            hooked = plugins.all().stream().filter(instance -> hasHook(instance.plugin())).toList();
            carried.forEach(history::add);
            carried = List.of();
        }
    }

    /** @return false only when the plugin's before-tick hook is the API's default, which does nothing */
    private static boolean hasHook(Plugin plugin) {
        try {
            return plugin.getClass().getMethod("beforeTick").getDeclaringClass() != Plugin.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return true;
        }
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

    private Measurement measure(GroupPlugins plugins, Instant now) {
        CallResult<Measurement> result = calls.call(plugins.measure(), group.timeout(),
                plugins.measure().plugin()::measure);
        if (!result.succeeded()) {
            return Measurement.failed(now, result.failure());
        }
        Measurement reading = result.value();
        if (reading == null) {
            return Measurement.failed(now, plugins.measure().label() + " returned no measurement (null)");
        }
        // A non-finite value cannot reach here: Measurement.of refuses it, which fails the call above.
        if (reading.hasValue() && !plugins.valueRange().contains(reading.value())) {
            return Measurement.failed(reading.time(), plugins.measure().label() + " reported " + reading.describe()
                    + ", outside the range its readings can take (" + plugins.valueRange() + "); a bug or a garbage "
                    + "answer from what it measures, so it is not used");
        }
        return reading;
    }

    /**
     * Makes the scale (or, in a dry run, pretends to) and records it as the last one.
     *
     * @return why the scale failed, or null when it was made
     */
    private String scale(Tick tick, GroupPlugins plugins, ScaleAction action, Measurement measurement,
                         Verdict verdict) {
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
            String error = problem;
            tick.event(EventType.SCALE_FAILED, () -> message, () -> scaleDetails(action, measurement, verdict, error));
            tick.note(() -> message);
            return message;
        }
        // Recorded when the scale call returned, not when the tick started: a post-scale wait counts from the moment
        // the new count was asked for, however long the call took under load.
        Instant made = clock.instant();
        state = state.withScale(new ScaleRecord(made, action.from(), after),
                made.minus(group.rules().tooRapidPeriod()));
        String partly = after != action.to() ? " (asked for " + action.to() + ", now " + after + ")" : "";
        // Worded only when told: a simulation scales thousands of times and tells nobody.
        Supplier<String> outcome = () -> action.describe() + partly + ": " + verdict.reason();
        tick.event(EventType.SCALE, outcome, () -> scaleDetails(action, measurement, verdict, null));
        tick.note(outcome);
        return null;
    }

    private static Map<String, String> scaleDetails(ScaleAction action, Measurement measurement, Verdict verdict,
                                                    String error) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", String.valueOf(action.from()));
        details.put("to", String.valueOf(action.to()));
        details.put("reason", verdict.reason());
        details.put("measurement", measurement.describe());
        details.put("min", String.valueOf(verdict.min()));
        details.put("max", String.valueOf(verdict.max()));
        details.put("dry_run", String.valueOf(action.dryRun()));
        if (error != null) {
            details.put("error", error);
        }
        return details;
    }

    /**
     * What one tick gathers: its notifications and its narrative. Texts are built only when they are used (a notified
     * event, a condition's edge, a narrated tick), since a simulation runs hundreds of thousands of ticks.
     */
    private final class Tick {
        final Instant start;
        /** Made on the first notification: most ticks have none. */
        List<Notification> outbox = List.of();
        final List<String> notes = narrate ? new ArrayList<>() : List.of();
        /** Made on the first warning: almost no tick has one. */
        List<String> warnings = List.of();
        Measurement measurement;
        /** Where the tick failed, for {@link Result#failedStage()}; null while it has not. */
        String stage;

        Tick(Instant start) {
            this.start = start;
        }

        void note(Supplier<String> text) {
            if (narrate) {
                notes.add(text.get());
            }
        }

        void warn(String warning) {
            if (warnings.isEmpty()) {
                warnings = new ArrayList<>(1);
            }
            warnings.add(redactor.redact(warning));
        }

        void event(EventType type, Supplier<String> message, Supplier<Map<String, String>> details) {
            if (policy.notifies(type)) {
                policy.event(type, start, message.get(), details.get()).ifPresent(this::send);
            }
        }

        /** Told only on an edge: the messages of a condition that stays as it was are never built. */
        void condition(EventType type, boolean on, Supplier<String> whenStarted, Supplier<String> whenEnded,
                       Supplier<Map<String, String>> details) {
            if (policy.changes(type, on)) {
                policy.condition(type, on, start, whenStarted.get(), whenEnded.get(), details.get())
                        .ifPresent(this::send);
            }
        }

        private void send(Notification notification) {
            if (outbox.isEmpty()) {
                outbox = new ArrayList<>(2);
            }
            outbox.add(notification);
        }

        /** MEASUREMENT_FAILED stands for "could not measure and decide": hooks, measure or decide failed. */
        void failure(String failure, Measurement measurement) {
            if (!policy.changes(EventType.MEASUREMENT_FAILED, failure != null)) {
                return; // no edge, as on almost every tick: no suppliers made
            }
            condition(EventType.MEASUREMENT_FAILED, failure != null, () -> failure,
                    () -> "measuring again" + (measurement == null ? "" : ": " + measurement.describe()),
                    () -> failure == null ? Map.of() : Map.of("reason", failure));
        }

        /** SETUP_FAILED: on while the group's plugins cannot be set up, off once they are. */
        void setupFailed(String failure) {
            if (!policy.changes(EventType.SETUP_FAILED, failure != null)) {
                return; // no edge, as on almost every tick: no suppliers made
            }
            condition(EventType.SETUP_FAILED, failure != null, () -> failure, () -> "set up: the group runs again",
                    () -> failure == null ? Map.of() : Map.of("reason", failure));
        }

        void fallback(boolean on, Supplier<String> why) {
            if (!policy.changes(EventType.FALLBACK, on)) {
                return; // no edge, as on almost every tick: no suppliers made
            }
            condition(EventType.FALLBACK, on, why, () -> "a measurement succeeded; the decide plugin decides again",
                    () -> on ? Map.of("reason", why.get()) : Map.of());
        }

        void bounds(Verdict verdict) {
            boolean aboveMax = verdict.conditions().contains(EventType.ABOVE_MAX);
            boolean belowMin = verdict.conditions().contains(EventType.BELOW_MIN);
            if (!policy.changes(EventType.ABOVE_MAX, aboveMax) && !policy.changes(EventType.BELOW_MIN, belowMin)) {
                return; // no edge, as on almost every tick: no suppliers or texts made
            }
            String wanted = verdict.wanted().isPresent() ? String.valueOf(verdict.wanted().getAsInt()) : "";
            condition(EventType.ABOVE_MAX, aboveMax,
                    () -> "wants " + processes(wanted) + ", more than max " + verdict.max() + ": " + verdict.reason(),
                    () -> "back within max " + verdict.max(),
                    () -> Map.of("wanted", wanted, "max", String.valueOf(verdict.max())));
            condition(EventType.BELOW_MIN, belowMin,
                    () -> "wants " + processes(wanted) + ", fewer than min " + verdict.min() + ": " + verdict.reason(),
                    () -> "back within min " + verdict.min(),
                    () -> Map.of("wanted", wanted, "min", String.valueOf(verdict.min())));
        }

        void tooRapid(String why) {
            if (!policy.changes(EventType.TOO_RAPID, why != null)) {
                return; // no edge, as on almost every tick: no suppliers made
            }
            condition(EventType.TOO_RAPID, why != null, () -> "scaling too rapidly: " + why,
                    () -> "scaling is no longer too rapid", () -> why == null ? Map.of() : Map.of("reason", why));
        }

        Result result(TickReport.Outcome outcome, Verdict verdict, String failure) {
            String summary = narrate ? redactor.redact(group.name() + ": " + String.join(", ", notes)) : "";
            return new Result(new TickReport(group.name(), start, outcome, summary), Optional.ofNullable(verdict),
                    failure == null ? Optional.empty() : Optional.of(redactor.redact(failure)), outbox, warnings, Optional.ofNullable(measurement),
                    Optional.ofNullable(failure == null ? null : stage));
        }
    }

    /** {@code 1 process}, {@code 3 processes}. */
    private static String processes(String count) {
        return count + ("1".equals(count) ? " process" : " processes");
    }
}
