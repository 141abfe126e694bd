package io.autoscalebot.plugin.kubernetes.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long to wait before retrying a call the API server answered with 429 or 5xx, or that did not reach it.
 *
 * <p>Exponential from {@link #FIRST_DELAY}, doubling per attempt, never more than {@link #MAX_DELAY}. A {@code
 * Retry-After} from the server (API Priority and Fairness sends one with its 429s) wins over the computed delay.
 * Whether the wait is made at all is the call's {@link Deadline}'s to say.
 */
public final class Backoff {

    /** The wait before the first retry. */
    public static final Duration FIRST_DELAY = Duration.ofMillis(500);

    /** The longest computed wait; a call's deadline, well below it, usually ends the retries first. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private Backoff() {
    }

    /**
     * @param failedAttempts how many attempts have failed so far, at least 1
     * @param retryAfter the wait the server asked for, if it did
     * @return the wait before the next attempt
     */
    public static Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        int doublings = Math.min(failedAttempts - 1, 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * Reads a {@code Retry-After} header, which HTTP allows as seconds or as a date.
     *
     * @param value the header's value: {@code 1} or {@code Sun, 29 Nov 2026 12:00:05 GMT}
     * @param now the current time, for a date
     * @return the wait, never negative; empty when the value is neither
     */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(now, ZonedDateTime.parse(trimmed,
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
