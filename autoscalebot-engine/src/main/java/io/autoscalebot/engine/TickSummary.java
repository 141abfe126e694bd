package io.autoscalebot.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * How one tick of one group went: what {@code run --once} prints.
 *
 * @param group the group's name
 * @param time when the tick started
 * @param outcome what happened
 * @param summary the tick's log line, secrets masked: {@code web: current 2, measured 1500 ms, scaled 2 -> 3: ...}
 */
public record TickSummary(String group, Instant time, Outcome outcome, String summary) {

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
    public TickSummary {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
    }

    /** @return true when the tick failed or its group's plugins did not start */
    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.NOT_STARTED;
    }
}
