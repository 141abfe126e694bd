package io.autoscalebot.engine.context;

import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine hands a decide plugin at one tick.
 *
 * @param group the group's name
 * @param now the time of the decision
 * @param current the count the scale plugin reports now
 * @param min the group's min at {@code now}
 * @param max the group's max at {@code now}
 * @param history recent measurements, oldest first
 * @param lastScale the last scale made for the group, if any
 * @param recentScales the scales the engine remembers for the group, oldest first
 */
public record TickContext(String group, Instant now, int current, int min, int max,
                                  List<Measurement> history, Optional<ScaleEvent> lastScale,
                                  List<ScaleEvent> recentScales) implements DecideContext {

    /** Checks the parts and copies the lists. */
    public TickContext {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lastScale, "lastScale");
        history = List.copyOf(history);
        recentScales = List.copyOf(recentScales);
        if (current < 0) {
            throw new IllegalArgumentException("current must be >= 0, got " + current);
        }
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max, got min " + min + " and max " + max);
        }
    }
}
