package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * The level correction: how much busier the group is lately than its profile says (a growing user base, a holiday),
 * as the ratio of the smoothed measured load to the smoothed expected load. Bounded so that one odd hour cannot make
 * the forecast absurd; beyond that, the reactive floor and the error fallback take over.
 */
final class Level {

    static final double LOWEST = 0.25;
    static final double HIGHEST = 4;

    private final Smoothed actual;
    private final Smoothed expected;

    /** @param window the time constant of the correction */
    Level(Duration window) {
        this.actual = new Smoothed(window);
        this.expected = new Smoothed(window);
    }

    /**
     * @param time the measurement's time
     * @param measured busy processes measured
     * @param profile busy processes the profile expected then
     */
    void add(Instant time, double measured, double profile) {
        actual.add(time, measured);
        expected.add(time, profile);
    }

    /** @return the factor to multiply the profile by; 1 until known or when nothing was expected nor measured */
    double ratio() {
        if (!expected.known() || (expected.value() <= 1e-9 && actual.value() <= 1e-9)) {
            return 1;
        }
        if (expected.value() <= 1e-9) {
            return HIGHEST;
        }
        return Math.max(LOWEST, Math.min(HIGHEST, actual.value() / expected.value()));
    }
}
