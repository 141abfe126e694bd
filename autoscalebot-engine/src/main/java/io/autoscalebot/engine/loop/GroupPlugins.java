package io.autoscalebot.engine.loop;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.scale.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A group's plugin instances, all set up: what a {@link TickPipeline} ticks.
 *
 * @param measure the measure instance
 * @param decide the decide instance
 * @param scale the scale instance
 * @param notifiers the notify instances
 * @param historySize how many measurements the decide instance wants
 * @param valueRange the values the measure's readings can validly take; a reading outside it is a failed one
 */
public record GroupPlugins(Instance<Measure> measure, Instance<Decide> decide, Instance<Scale> scale,
                           List<Instance<Notify>> notifiers, int historySize, ValueRange valueRange) {

    /** Checks and copies the notifiers. */
    public GroupPlugins {
        notifiers = List.copyOf(notifiers);
        Objects.requireNonNull(valueRange, "valueRange");
    }

    /** The instances of a measure that declares no range: any finite reading is valid. */
    public GroupPlugins(Instance<Measure> measure, Instance<Decide> decide, Instance<Scale> scale,
                        List<Instance<Notify>> notifiers, int historySize) {
        this(measure, decide, scale, notifiers, historySize, ValueRange.ANY);
    }

    /** @return every instance, in the order they were set up */
    public List<Instance<?>> all() {
        List<Instance<?>> all = new ArrayList<>(notifiers);
        all.add(measure);
        all.add(decide);
        all.add(scale);
        return all;
    }
}
