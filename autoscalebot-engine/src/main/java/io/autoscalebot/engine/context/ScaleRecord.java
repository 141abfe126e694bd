package io.autoscalebot.engine.context;

import io.autoscalebot.api.decide.ScaleEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A scale the engine made.
 *
 * @param time when the scale was made
 * @param from the count before
 * @param to the count after, not {@code from}
 */
public record ScaleRecord(Instant time, int from, int to) implements ScaleEvent {

    /** Checks the event is a change. */
    public ScaleRecord {
        Objects.requireNonNull(time, "time");
        if (from == to) {
            throw new IllegalArgumentException("a scale event changes the count, got " + from + " to " + to);
        }
    }
}
