package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * How wrong recent forecasts turned out: each forecast is kept until its time comes, then compared with the load
 * measured then. The error is the smoothed absolute error over the smoothed load (a weighted mean absolute percentage
 * error), so quiet nights with almost no load do not make it explode as a per-sample percentage would.
 */
final class ForecastScore {

    private record Pending(Instant due, double load) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Smoothed absoluteError;
    private final Smoothed actual;

    /** @param window the time constant of both averages */
    ForecastScore(Duration window) {
        this.absoluteError = new Smoothed(window);
        this.actual = new Smoothed(window);
    }

    /**
     * @param due the time the forecast is for
     * @param load the busy processes forecast for then
     */
    void expect(Instant due, double load) {
        pending.addLast(new Pending(due, load));
    }

    /**
     * Scores every forecast whose time has come against the load measured now.
     *
     * @param now the measurement's time
     * @param load the busy processes measured
     */
    void settle(Instant now, double load) {
        while (!pending.isEmpty() && !pending.peekFirst().due().isAfter(now)) {
            Pending due = pending.removeFirst();
            absoluteError.add(now, Math.abs(load - due.load()));
            actual.add(now, load);
        }
    }

    /** @return the recent error as a fraction of the recent load; empty until a forecast was scored */
    OptionalDouble error() {
        if (!actual.known()) {
            return OptionalDouble.empty();
        }
        if (actual.value() <= 1e-9) {
            return OptionalDouble.of(absoluteError.value() <= 1e-9 ? 0 : Double.POSITIVE_INFINITY);
        }
        return OptionalDouble.of(absoluteError.value() / actual.value());
    }
}
