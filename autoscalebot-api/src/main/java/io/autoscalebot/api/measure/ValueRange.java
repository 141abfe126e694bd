package io.autoscalebot.api.measure;

import io.autoscalebot.api.Api;

/**
 * The values a measure plugin's readings can validly take, declared by its provider
 * ({@link MeasureProvider#valueRange}). The engine treats a reading outside it as a failed measurement, with the
 * reading and the range in the reason, so a garbage answer (a response time of {@code -42 ms}, a queue of
 * {@code 1e308} jobs) is never scaled on.
 *
 * @param min the least valid value, finite
 * @param max the greatest valid value, finite, at least {@code min}
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record ValueRange(double min, double max) {

    /** Any finite value: what a provider that declares nothing gets. */
    public static final ValueRange ANY = new ValueRange(-Double.MAX_VALUE, Double.MAX_VALUE);

    /** Durations (response times, latencies, waits): 0 or more. */
    public static final ValueRange TIME = new ValueRange(0, Double.MAX_VALUE);

    /**
     * Counts (queued jobs, messages, connections) and ratios of them: from 0 to 2^53, the largest whole number a double
     * holds exactly. A larger count is no real queue's length but a garbage answer.
     */
    public static final ValueRange COUNT = new ValueRange(0, 9_007_199_254_740_992d);

    /** Checks the bounds. */
    public ValueRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("a value range needs finite bounds with min <= max, got " + min
                    + " and " + max);
        }
    }

    /** @return values from {@code min} up */
    public static ValueRange atLeast(double min) {
        return new ValueRange(min, Double.MAX_VALUE);
    }

    /** @return values from {@code min} to {@code max}, both included */
    public static ValueRange between(double min, double max) {
        return new ValueRange(min, max);
    }

    /** @return true when {@code value} is finite and within the range, bounds included */
    public boolean contains(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    /** @return the range for people: {@code 0 or more}, {@code 0 to 100}, {@code any finite number} */
    @Override
    public String toString() {
        if (max == Double.MAX_VALUE) {
            return min == -Double.MAX_VALUE ? "any finite number" : Numbers.format(min) + " or more";
        }
        return min == -Double.MAX_VALUE ? Numbers.format(max) + " or less"
                : Numbers.format(min) + " to " + Numbers.format(max);
    }
}
