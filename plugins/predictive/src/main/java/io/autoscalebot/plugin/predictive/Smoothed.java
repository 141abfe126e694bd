package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * An exponentially weighted moving average in time rather than in samples, so its memory is the same whatever the
 * group's interval: a value seen {@code window} ago weighs 1/e of a value seen now.
 */
final class Smoothed {

    private final double windowMillis;
    private Instant last;
    private double value;
    // A group ticks at a steady interval, so the weight of the last elapsed time is usually the next one's too:
    // remembered, so Math.exp runs once per change of interval instead of on every sample.
    private double lastElapsed = Double.NaN;
    private double lastWeight;

    /** @param window the time constant, longer than 0s */
    Smoothed(Duration window) {
        // Not toMillis(): it overflows for a window of billions of days, which the settings accept.
        this.windowMillis = window.getSeconds() * 1000.0 + window.getNano() / 1e6;
    }

    /**
     * @param time when {@code sample} was seen; not before the previous sample
     * @param sample the new value
     */
    void add(Instant time, double sample) {
        if (last == null) {
            value = sample;
        } else {
            double elapsed = Math.max(0, millisBetween(last, time));
            if (elapsed != lastElapsed) {
                lastElapsed = elapsed;
                lastWeight = 1 - Math.exp(-elapsed / windowMillis);
            }
            value += lastWeight * (sample - value);
        }
        last = time;
    }

    /**
     * @return {@code Duration.between(from, to).toMillis()} when {@code to} is not before {@code from}, at most 0 when
     *     it is (Duration rounds a negative part-millisecond towards 0, this down; both become 0 above), without
     *     making a Duration
     */
    private static long millisBetween(Instant from, Instant to) {
        long seconds = Math.subtractExact(to.getEpochSecond(), from.getEpochSecond());
        return Math.addExact(Math.multiplyExact(seconds, 1000L), Math.floorDiv(to.getNano() - from.getNano(), 1_000_000));
    }

    /** @return true once a sample was added */
    boolean known() {
        return last != null;
    }

    /** @return the average, 0 before any sample */
    double value() {
        return value;
    }
}
