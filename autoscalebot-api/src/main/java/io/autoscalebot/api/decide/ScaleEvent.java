package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import java.time.Instant;

/**
 * A scale the engine made, kept across restarts so post-scale waits and rate limits survive them. Its count always
 * changed: {@link #from()} differs from {@link #to()}.
 *
 * <p>The engine implements this interface and hands events to decide plugins ({@link DecideContext#lastScale()},
 * {@link DecideContext#recentScales()}); two events the engine hands over are equal when their time, from and to are.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface ScaleEvent {

    /** The direction of a scale. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    enum Direction {
        /** More processes. */
        UP,
        /** Fewer processes. */
        DOWN
    }

    /** @return when the scale was made */
    Instant time();

    /** @return the count before */
    int from();

    /** @return the count after */
    int to();

    /** @return {@link Direction#UP} when {@code to > from}, else {@link Direction#DOWN} */
    default Direction direction() {
        return to() > from() ? Direction.UP : Direction.DOWN;
    }
}
