package io.autoscalebot.probe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long one request waited before the app saw it, read from its {@code X-Request-Start} header: the time the
 * router (or load balancer, or NGINX) received it.
 *
 * <p>Every platform writes that time differently: Heroku {@code 1764641513123} (milliseconds since the epoch),
 * Render and others {@code t=1764641513123456} (microseconds) or {@code t=1764641513123456789} (nanoseconds), NGINX
 * {@code t=1764641513.123} (seconds with a fraction, its {@code $msec}). The unit is not written down, so it is found
 * by magnitude: the one unit in which the number is a time within {@link #PLAUSIBLE} of now. The units are 1000 apart,
 * so at most one fits; a number no unit fits is garbage.
 *
 * @param outcome what was made of the header
 * @param millis the queue time in milliseconds, {@code >= 0}; 0 unless the outcome is {@code MEASURED} or
 *     {@code CLAMPED}
 */
public record RequestStart(Outcome outcome, double millis) {

    /** What was made of a header. */
    public enum Outcome {
        /** A start time in the past: the queue time is how long ago that was. */
        MEASURED,
        /** A start time slightly in the future: the router's clock is ahead of ours; counted as 0 ms. */
        CLAMPED,
        /** No header: the request did not come through a router that sets it. */
        MISSING,
        /** A header that is not a time near now in any known unit; not counted as a queue time. */
        GARBAGE
    }

    /**
     * The largest distance from now a start time may be. Routers give up on a request long before (Heroku after 30
     * s), and clocks skew by far less; anything further is a wrong unit or a wrong header, not a queue time.
     */
    public static final Duration PLAUSIBLE = Duration.ofHours(1);

    // Far longer than any real header (nanoseconds are 19 digits); keeps a hostile header from costing anything.
    private static final int MAX_LENGTH = 40;
    private static final BigDecimal PLAUSIBLE_MILLIS = BigDecimal.valueOf(PLAUSIBLE.toMillis());
    /** Seconds, milliseconds, microseconds, nanoseconds: how far to move the decimal point to get milliseconds. */
    private static final int[] MILLIS_SHIFT = {3, 0, -3, -6};

    /** Checks the parts. */
    public RequestStart {
        Objects.requireNonNull(outcome, "outcome");
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            throw new IllegalArgumentException("millis must be a finite number >= 0, was " + millis);
        }
    }

    /**
     * @param header the value of {@code X-Request-Start}, or null when the request had none
     * @param now when the app saw the request, from the app's clock
     * @return the queue time, or why there is none
     */
    public static RequestStart parse(String header, Instant now) {
        Objects.requireNonNull(now, "now");
        if (header == null || header.isBlank()) {
            return new RequestStart(Outcome.MISSING, 0);
        }
        String value = header.strip();
        if (value.startsWith("t=")) {
            value = value.substring(2);
        }
        if (!isPlainNumber(value)) {
            return new RequestStart(Outcome.GARBAGE, 0);
        }
        BigDecimal number = new BigDecimal(value);
        BigDecimal nowMillis = BigDecimal.valueOf(now.getEpochSecond()).movePointRight(3)
                .add(BigDecimal.valueOf(now.getNano()).movePointLeft(6));
        for (int shift : MILLIS_SHIFT) {
            BigDecimal waited = nowMillis.subtract(number.movePointRight(shift));
            if (waited.abs().compareTo(PLAUSIBLE_MILLIS) <= 0) {
                return waited.signum() < 0 ? new RequestStart(Outcome.CLAMPED, 0)
                        : new RequestStart(Outcome.MEASURED, waited.doubleValue());
            }
        }
        return new RequestStart(Outcome.GARBAGE, 0);
    }

    // Digits with at most one decimal point between digits: no sign, no exponent, no spaces, nothing huge.
    private static boolean isPlainNumber(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        int point = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return point != 0 && point != value.length() - 1;
    }
}
