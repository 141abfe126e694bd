package io.autoscalebot.engine.loop;

import java.time.Instant;
import java.util.Objects;

/**
 * How one tick of one group went, for {@code run --once} and tests.
 *
 * @param group the group's name
 * @param time when the tick started
 * @param outcome what happened
 * @param summary the tick's log line, redacted: {@code web: current 2, measured 1500 ms, scaled 2 -> 3: ...}
 */
public record TickReport(String group, Instant time, Outcome outcome, String summary) {

    /** What a tick did. */
    public enum Outcome {
        /** The count stayed. */
        HELD,
        /** The count changed (or, in a dry run, would have). */
        SCALED,
        /** A plugin call failed; the failure was notified. */
        FAILED,
        /** A plugin failed to set up; retried next tick. */
        NOT_STARTED,
        /** Another instance holds the {@code [leader]} lease (or it cannot be asked): this one did nothing. */
        STANDBY
    }

    /** Checks the parts. */
    public TickReport {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
    }
}
