package io.autoscalebot.plugin.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When to try a notification again: the server's Retry-After when it gives one, else a doubling wait. */
final class Retries {

    /** The wait after the first failed try. */
    static final Duration FIRST_WAIT = Duration.ofMillis(500);
    /** The longest wait between two tries when the server does not say. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(8);
    /** A Retry-After longer than this is read as this: no notification budget comes near it. */
    private static final long LONGEST_RETRY_AFTER_SECONDS = 86_400;

    private Retries() {
    }

    /**
     * @param failedTries how many tries have failed, from 1
     * @return 500ms, 1s, 2s, 4s, then 8s each time
     */
    static Duration backoff(int failedTries) {
        long millis = FIRST_WAIT.toMillis() << Math.min(failedTries - 1, 16);
        return Duration.ofMillis(Math.min(millis, LONGEST_WAIT.toMillis()));
    }

    /**
     * Reads a Retry-After header (RFC 9110): a number of seconds, or an HTTP date.
     *
     * @param value the header's value, if the answer had one
     * @param now the current time, for a date
     * @return how long the server asks to wait; empty when there is no header or it cannot be read
     */
    static Optional<Duration> retryAfter(Optional<String> value, Instant now) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        if (!text.isEmpty() && text.length() <= 12 && text.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(text), LONGEST_RETRY_AFTER_SECONDS)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
