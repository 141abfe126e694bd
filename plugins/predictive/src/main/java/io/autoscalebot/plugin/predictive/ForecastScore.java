package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * How wrong recent forecasts turned out: each forecast is kept until its time comes, then compared with the load
 * measured then. The error is the smoothed absolute error over the smoothed load (a weighted mean absolute percentage
 * error), so quiet nights with almost no load do not make it explode as a per-sample percentage would.
 */
final class ForecastScore {

    // The forecasts not yet due, oldest first, in a ring of primitive arrays: one is added and about one settled on
    // every tick of a replay, which made a record, an Instant and deque churn per tick. Settled from the head only, in
    // the order they were made, as the deque did.
    private long[] dueSeconds = new long[16];
    private int[] dueNanos = new int[16];
    private double[] loads = new double[16];
    private int head;
    private int size;
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
        if (size == loads.length) {
            grow();
        }
        int at = (head + size) % loads.length;
        dueSeconds[at] = due.getEpochSecond();
        dueNanos[at] = due.getNano();
        loads[at] = load;
        size++;
    }

    /**
     * Scores every forecast whose time has come against the load measured now.
     *
     * @param now the measurement's time
     * @param load the busy processes measured
     */
    void settle(Instant now, double load) {
        long nowSecond = now.getEpochSecond();
        int nowNano = now.getNano();
        // Due when not after now, as Instant.isAfter compares.
        while (size > 0 && (dueSeconds[head] < nowSecond || dueSeconds[head] == nowSecond && dueNanos[head] <= nowNano)) {
            double forecast = loads[head];
            head = (head + 1) % loads.length;
            size--;
            absoluteError.add(now, Math.abs(load - forecast));
            actual.add(now, load);
        }
    }

    /** @return how many forecasts wait for their time, for tests */
    int pending() {
        return size;
    }

    /** Doubles the ring, unwrapping it so the oldest is first again. */
    private void grow() {
        int capacity = loads.length * 2;
        long[] seconds = new long[capacity];
        int[] nanos = new int[capacity];
        double[] grown = new double[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % loads.length;
            seconds[i] = dueSeconds[from];
            nanos[i] = dueNanos[from];
            grown[i] = loads[from];
        }
        dueSeconds = seconds;
        dueNanos = nanos;
        loads = grown;
        head = 0;
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
