package io.autoscalebot.simulate;

import io.autoscalebot.simulate.model.ElasticityMetrics;
import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What replaying a trace against one group's configuration showed. Immutable.
 *
 * @param group the group's name
 * @param measurePlugin the id of the group's measure component, whose reading was modelled
 * @param decidePlugin the id of the decide component that made every decision
 * @param model the app and load model
 * @param trace the trace as read, before resampling
 * @param interval the group's interval: one tick each
 * @param timeline the replay tick by tick
 * @param metrics the SPEC elasticity metrics, cost and SLO breaks, against d(t) and the oracle
 * @param decisions how the decisions went
 * @param warnings what the decide plugin logged at warning level or above
 */
public record SimulationResult(String group, String measurePlugin, String decidePlugin, SimulationModel model,
                               Trace trace, Duration interval, Timeline timeline, ElasticityMetrics metrics,
                               Decisions decisions, PluginWarnings warnings) {

    /** Checks the parts. */
    public SimulationResult {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(measurePlugin, "measurePlugin");
        Objects.requireNonNull(decidePlugin, "decidePlugin");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * How the decisions of a replay went, counted the way the engine's ticks would have gone.
     *
     * @param ticks ticks replayed, one decision each
     * @param scaleActions ticks whose verdict changed the count
     * @param failed ticks without a usable decision (the plugin threw, returned null, or min was above max)
     * @param firstFailure the first failure's reason, if any
     * @param aboveMax ticks in which the plugin wanted more than the max allowed
     * @param belowMin ticks in which it wanted fewer than the min allowed
     */
    public record Decisions(int ticks, int scaleActions, int failed, Optional<String> firstFailure, int aboveMax,
                            int belowMin) {

        /** Checks the parts. */
        public Decisions {
            Objects.requireNonNull(firstFailure, "firstFailure");
        }
    }

    /**
     * What the decide plugin logged at warning level or above, redacted.
     *
     * @param count how many lines
     * @param first the first few lines
     */
    public record PluginWarnings(int count, List<String> first) {

        /** Copies the lines. */
        public PluginWarnings {
            first = List.copyOf(first);
        }
    }
}
