package io.autoscalebot.engine.loop;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.scale.Scale;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's plugin instances, all set up: what a {@link TickPipeline} ticks.
 *
 * @param measure the measure instance
 * @param decide the decide instance
 * @param scale the scale instance
 * @param notifiers the notify instances
 * @param historySize how many measurements the decide instance wants
 */
public record GroupPlugins(Instance<Measure> measure, Instance<Decide> decide, Instance<Scale> scale,
                           List<Instance<Notify>> notifiers, int historySize) {

    /** Copies the notifiers. */
    public GroupPlugins {
        notifiers = List.copyOf(notifiers);
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
