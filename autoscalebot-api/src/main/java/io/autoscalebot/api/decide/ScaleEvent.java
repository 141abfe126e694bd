package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import java.time.Instant;
import java.util.Objects;

/**
 * A scale the engine made, kept across restarts so post-scale waits survive them.
 *
 * @param time when the scale was made
 * @param from the count before
 * @param to the count after
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record ScaleEvent(Instant time, int from, int to) {

    /** The direction of a scale. */
    public enum Direction {
        /** More processes. */
        UP,
        /** Fewer processes. */
        DOWN
    }

    /** Checks the event is a change. */
    public ScaleEvent {
        Objects.requireNonNull(time, "time");
        if (from == to) {
            throw new IllegalArgumentException("a scale event changes the count, got " + from + " to " + to);
        }
    }

    /** @return {@link Direction#UP} when {@code to > from} */
    public Direction direction() {
        return to > from ? Direction.UP : Direction.DOWN;
    }
}
