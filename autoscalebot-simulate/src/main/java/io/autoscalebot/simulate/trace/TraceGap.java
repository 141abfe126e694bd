package io.autoscalebot.simulate.trace;

import java.time.Instant;
import java.util.Objects;

/**
 * A run of steps a trace has no rows for.
 *
 * @param after the time of the last row before the gap
 * @param before the time of the first row after it
 * @param missingSteps how many steps lie strictly between the two rows
 */
public record TraceGap(Instant after, Instant before, long missingSteps) {

    /** Checks the gap is one. */
    public TraceGap {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(before, "before");
        if (!before.isAfter(after) || missingSteps <= 0) {
            throw new IllegalArgumentException("a gap spans at least one missing step, got " + missingSteps
                    + " between " + after + " and " + before);
        }
    }
}
