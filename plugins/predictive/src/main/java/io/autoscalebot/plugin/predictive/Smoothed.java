package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * An exponentially weighted moving average in time rather than in samples, so its memory is the same whatever the
 * group's interval: a value seen {@code window} ago weighs 1/e of a value seen now.
 */
final class Smoothed {

    private final Duration window;
    private Instant last;
    private double value;

    /** @param window the time constant, longer than 0s */
    Smoothed(Duration window) {
        this.window = window;
    }

    /**
     * @param time when {@code sample} was seen; not before the previous sample
     * @param sample the new value
     */
    void add(Instant time, double sample) {
        if (last == null) {
            value = sample;
        } else {
            double elapsed = Math.max(0, Duration.between(last, time).toMillis());
            double weight = 1 - Math.exp(-elapsed / window.toMillis());
            value += weight * (sample - value);
        }
        last = time;
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
