package io.autoscalebot.engine.context;

import io.autoscalebot.api.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A deadline measured with a clock: the context clock of the instance the call is on, so a plugin tested in virtual
 * time sees its deadline move with that time.
 *
 * @param clock the clock {@link #remaining()} and {@link #passed()} read
 * @param at when the call's time is up
 */
public record ClockDeadline(Clock clock, Instant at) implements Deadline {

    /** Checks the parts. */
    public ClockDeadline {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(at, "at");
    }

    /** @return a deadline {@code timeout} from the clock's now */
    public static ClockDeadline after(Clock clock, Duration timeout) {
        return new ClockDeadline(clock, clock.instant().plus(timeout));
    }

    @Override
    public Duration remaining() {
        if (at.equals(Instant.MAX)) {
            return UNBOUNDED;
        }
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public boolean passed() {
        return !at.equals(Instant.MAX) && !clock.instant().isBefore(at);
    }

    /** @return {@code deadline 2026-03-01T12:00:10Z} */
    @Override
    public String toString() {
        return "deadline " + at;
    }
}
