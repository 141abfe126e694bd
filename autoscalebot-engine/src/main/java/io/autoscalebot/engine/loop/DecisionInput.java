package io.autoscalebot.engine.loop;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.engine.config.CountSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link DecisionStep} decides from, all plain values so a simulator can build it from a trace.
 *
 * @param group the group's name
 * @param now the time of the decision (real or virtual)
 * @param zone the zone the min and max tables are read in
 * @param current the count the scale plugin reports now
 * @param min the group's min schedule
 * @param max the group's max schedule
 * @param history recent measurements, oldest first, at most the decide plugin's history size
 * @param lastScale the last scale made for the group, if any
 * @param recentScales the scales the engine remembers for the group, oldest first
 */
public record DecisionInput(String group, Instant now, ZoneId zone, int current, CountSchedule min, CountSchedule max,
                            List<Measurement> history, Optional<ScaleEvent> lastScale,
                            List<ScaleEvent> recentScales) {

    /** Checks and copies. */
    public DecisionInput {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(lastScale, "lastScale");
        history = List.copyOf(history);
        recentScales = List.copyOf(recentScales);
        if (current < 0) {
            throw new IllegalArgumentException("current must be >= 0, got " + current);
        }
    }
}
