package io.autoscalebot.engine.simulate;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.context.ScaleRecord;
import io.autoscalebot.engine.loop.DecisionInput;
import io.autoscalebot.engine.loop.DecisionStep;
import io.autoscalebot.engine.loop.Failures;
import io.autoscalebot.engine.loop.History;
import io.autoscalebot.engine.loop.ManualClock;
import io.autoscalebot.engine.loop.Verdict;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.simulate.model.QueueModel;
import io.autoscalebot.engine.simulate.model.Replay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group's ticks over a replay, by the engine's rules: the before-tick hook, a measurement added to a {@link History}
 * of the decide plugin's size, {@link DecisionStep} with the group's min and max tables in its zone, and a
 * {@link ScaleEvent} recorded as the last scale only when the count changes. What differs from a run is only where
 * the count and the measurement come from (the model, not plugins) and that a scale always succeeds.
 */
final class SimulatedTicks implements Replay.Controller {

    private final GroupConfig group;
    private final Decide plugin;
    private final ClassLoader loader;
    private final ManualClock clock;
    private final QueueModel queue;
    private final MeasuredQuantity quantity;
    private final History history;
    private final Redactor redactor;
    private final Simulator.Progress progress;
    private final double[] measured;
    private final int progressEvery;

    private Optional<ScaleEvent> lastScale = Optional.empty();
    /** As a run keeps them: the scales within the too-rapid period before the last one, and the last. */
    private final List<ScaleEvent> recentScales = new ArrayList<>();
    private int scaleActions;
    private int failed;
    private Optional<String> firstFailure = Optional.empty();
    private int aboveMax;
    private int belowMin;

    SimulatedTicks(GroupConfig group, StartedPlugin decide, ManualClock clock, SimulationModel model, int ticks,
                   Redactor redactor, Simulator.Progress progress) {
        this.group = group;
        this.plugin = decide.plugin();
        this.loader = decide.loader();
        this.history = new History(decide.historySize());
        this.clock = clock;
        this.queue = model.queue();
        this.quantity = model.measured();
        this.redactor = redactor;
        this.progress = progress;
        this.measured = new double[ticks];
        // A few hundred updates are plenty for a progress bar and cost nothing next to the ticks.
        this.progressEvery = Math.max(1, ticks / 200);
    }

    /** A decide plugin created and set up, with what the ticks need to call it as the engine does. */
    record StartedPlugin(Decide plugin, ClassLoader loader, int historySize) {
    }

    @Override
    public int target(Replay.Observation observation) {
        int tick = observation.step();
        if (tick % progressEvery == 0) {
            progress.update(tick, measured.length);
        }
        // The tick happens at the end of the simulated interval, once its load has been seen.
        Instant now = observation.time().plus(group.interval());
        clock.set(now);
        int current = observation.running();
        double value = quantity.read(observation, queue);
        measured[tick] = value;
        try {
            GuardedCall.call(loader, () -> {
                plugin.beforeTick();
                return null;
            });
        } catch (Exception e) {
            // As in a run: a failed hook ends the tick before measuring, and the count stays.
            fail("before-tick hook failed: " + Failures.describe(e));
            return current;
        }
        history.add(Measurement.of(now, value, quantity.unit()));
        Verdict verdict = DecisionStep.decide(new DecisionInput(group.name(), now, group.zone(), current, group.min(),
                group.max(), history.measurements(), lastScale, List.copyOf(recentScales)),
                context -> GuardedCall.call(loader, () -> plugin.decide(context)));
        verdict.failure().ifPresent(this::fail);
        aboveMax += verdict.conditions().contains(EventType.ABOVE_MAX) ? 1 : 0;
        belowMin += verdict.conditions().contains(EventType.BELOW_MIN) ? 1 : 0;
        if (verdict.scales()) {
            ScaleEvent scale = new ScaleRecord(now, current, verdict.target());
            recentScales.removeIf(earlier -> !earlier.time().isAfter(now.minus(group.rules().tooRapidPeriod())));
            recentScales.add(scale);
            lastScale = Optional.of(scale);
            scaleActions++;
        }
        return verdict.target();
    }

    private void fail(String reason) {
        failed++;
        if (firstFailure.isEmpty()) {
            firstFailure = Optional.of(clock.instant() + ": " + redactor.redact(reason));
        }
    }

    /** @return the value fed to the decide plugin at each tick */
    double[] measured() {
        return measured.clone();
    }

    /** @return how the decisions went */
    SimulationResult.Decisions decisions() {
        progress.update(measured.length, measured.length);
        return new SimulationResult.Decisions(measured.length, scaleActions, failed, firstFailure, aboveMax,
                belowMin);
    }
}
