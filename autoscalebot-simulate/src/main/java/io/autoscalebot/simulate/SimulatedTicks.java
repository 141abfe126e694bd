package io.autoscalebot.simulate;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.loop.GroupPlugins;
import io.autoscalebot.engine.loop.Instance;
import io.autoscalebot.engine.loop.ManualClock;
import io.autoscalebot.engine.loop.TickPipeline;
import io.autoscalebot.engine.loop.TickReport;
import io.autoscalebot.engine.loop.Verdict;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.simulate.model.QueueModel;
import io.autoscalebot.simulate.model.Replay;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A group's ticks over a replay, through the engine's own {@link TickPipeline} with direct calls: every hook, a
 * measurement added to the decide plugin's history, the decision clamped to the group's min and max tables in its zone,
 * the scale recorded as the last one, the group's events. What differs from a run is only where the count and the
 * measurement come from, the model standing in for the measure and scale plugins, and that a scale always succeeds.
 */
final class SimulatedTicks implements Replay.Controller {

    private final GroupConfig group;
    private final ManualClock clock;
    private final QueueModel queue;
    private final MeasuredQuantity quantity;
    private final Simulator.Progress progress;
    private final Consumer<Notification> events;
    private final TickPipeline pipeline;
    private final GroupPlugins plugins;
    private final ModelledMeasure measure = new ModelledMeasure();
    private final ModelledScale scale = new ModelledScale();
    private final double[] measured;
    private final int progressEvery;

    private int scaleActions;
    private int failed;
    private Optional<String> firstFailure = Optional.empty();
    private int aboveMax;
    private int belowMin;

    /**
     * @param decide the group's decide plugin, created and set up
     * @param events told every notification the group's notify rules would have sent
     */
    SimulatedTicks(GroupConfig group, StartedPlugin decide, ManualClock clock, SimulationModel model, int ticks,
                   Redactor redactor, Simulator.Progress progress, Consumer<Notification> events) {
        this.group = group;
        this.clock = clock;
        this.queue = model.queue();
        this.quantity = model.measured();
        this.progress = progress;
        this.events = events;
        this.pipeline = TickPipeline.direct(group, clock, redactor);
        // The group's own measure and scale configurations label the model's stand-ins, as a run labels the plugins.
        this.plugins = new GroupPlugins(new Instance<>(measure, group.measure(), standIn(group.measure(), decide)),
                new Instance<>(decide.plugin(), group.decide(), decide.context()),
                new Instance<>(scale, group.scale(), standIn(group.scale(), decide)), List.of(), decide.historySize());
        this.measured = new double[ticks];
        // A few hundred updates are plenty for a progress bar and cost nothing next to the ticks.
        this.progressEvery = Math.max(1, ticks / 200);
    }

    /** A decide plugin created and set up, with the history size it asked for and the context it was created with. */
    record StartedPlugin(Decide plugin, int historySize, InstanceContext context) {
    }

    /** The context of a model's stand-in for the group's measure or scale plugin: the decide plugin's, relabelled. */
    private InstanceContext standIn(ComponentConfig config, StartedPlugin decide) {
        InstanceContext context = decide.context();
        return new InstanceContext(context.group(), clock, context.logger(), context.stateDirectory(), true,
                config.component().pluginId(), config.component().pluginVersion());
    }

    @Override
    public int target(Replay.Observation observation) {
        int tick = observation.step();
        if (tick % progressEvery == 0) {
            progress.update(tick, measured.length);
        }
        // The tick happens at the end of the simulated interval, once its load has been seen.
        clock.set(observation.time().plus(group.interval()));
        double value = quantity.read(observation, queue);
        measured[tick] = value;
        measure.next = value;
        scale.count = observation.running();
        TickPipeline.Result result = pipeline.tick(plugins);
        count(result);
        if (!result.notifications().isEmpty()) {
            result.notifications().forEach(events);
        }
        return scale.count;
    }

    private void count(TickPipeline.Result result) {
        if (result.report().outcome() == TickReport.Outcome.FAILED && firstFailure.isEmpty()) {
            firstFailure = result.failure().map(reason -> clock.instant() + ": " + reason);
        }
        failed += result.report().outcome() == TickReport.Outcome.FAILED ? 1 : 0;
        Optional<Verdict> verdict = result.verdict();
        if (verdict.isPresent()) {
            aboveMax += verdict.get().conditions().contains(EventType.ABOVE_MAX) ? 1 : 0;
            belowMin += verdict.get().conditions().contains(EventType.BELOW_MIN) ? 1 : 0;
            scaleActions += verdict.get().scales() ? 1 : 0;
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

    /** What the group's measure plugin would have read off the model at the end of the tick. */
    private final class ModelledMeasure implements Measure {
        double next;

        @Override
        public Measurement measure() {
            return Measurement.of(clock.instant(), next, quantity.unit());
        }
    }

    /** The model's fleet as the group's scale plugin: the count it runs, which a scale always reaches. */
    private static final class ModelledScale implements Scale {
        int count;

        @Override
        public int current() {
            return count;
        }

        @Override
        public int scaleTo(int target) {
            count = target;
            return target;
        }
    }
}
