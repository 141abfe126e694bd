package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.measure.Measurement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a decide plugin decides from.
 *
 * @param group the group's name
 * @param now the engine's current time
 * @param current the group's process count as its scale plugin reports it now (hand scaling included)
 * @param min the group's minimum at {@code now} (a time-of-day table is already evaluated)
 * @param max the group's maximum at {@code now}
 * @param history recent measurements, oldest first, newest last, failed ones included; at most
 *     {@link Decide#historySize()} of them
 * @param lastScale the last scale the engine made for this group, surviving restarts, if any
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record DecideContext(String group, Instant now, int current, int min, int max, List<Measurement> history,
                            Optional<ScaleEvent> lastScale) {

    /** Checks the parts and copies the history. */
    public DecideContext {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lastScale, "lastScale");
        history = List.copyOf(history);
        if (current < 0) {
            throw new IllegalArgumentException("current must be >= 0, got " + current);
        }
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max, got min " + min + " and max " + max);
        }
    }

    /** @return the newest measurement, if any */
    public Optional<Measurement> latest() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }
}
