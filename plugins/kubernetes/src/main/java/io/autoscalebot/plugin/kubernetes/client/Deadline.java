package io.autoscalebot.plugin.kubernetes.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time one plugin call has in all: its attempts, the backoff between them and any credential command it runs.
 *
 * <p>The engine interrupts a plugin call after the group's {@code timeout}; a call that keeps inside its own, shorter
 * deadline fails first with a message that says what went wrong, instead of being cut off mid-wait.
 *
 * @param clock the engine's clock
 * @param end when the call must be done
 * @param length the whole time the call was given, for messages
 */
public record Deadline(Clock clock, Instant end, Duration length) {

    /** The least {@link #remaining()} gives: an HTTP request refuses a zero timeout, and 1 ms fails it at once. */
    private static final Duration AT_LEAST = Duration.ofMillis(1);

    /**
     * @param length the time the call has
     * @param clock the engine's clock
     * @return a deadline {@code length} from now
     */
    public static Deadline after(Duration length, Clock clock) {
        return new Deadline(clock, clock.instant().plus(length), length);
    }

    /** @return the time left, at least 1 ms so that it can bound an HTTP request */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left;
    }

    /** @return whether no time is left */
    public boolean passed() {
        return !clock.instant().isBefore(end);
    }

    /**
     * @param wait a wait the call would like to make
     * @return whether time is left after it, for the attempt the wait is for
     */
    public boolean allows(Duration wait) {
        return wait.compareTo(Duration.between(clock.instant(), end)) < 0;
    }

    /** @return {@code timeout 8000 ms}, naming the setting the deadline comes from */
    public String describe() {
        return "timeout " + length.toMillis() + " ms";
    }
}
