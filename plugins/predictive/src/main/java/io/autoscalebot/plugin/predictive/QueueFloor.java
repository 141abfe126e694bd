package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.util.Objects;

/**
 * The reactive floor: the fewest processes that keep the mean response time within the goal at the load measured now,
 * from the M/M/c queueing model inverted. Busy processes B = utilisation x count are the offered load a = lambda / mu
 * in erlangs, so with service time S the mean response time of c processes is
 * {@code W = S (1 + C(c, a) / (c - a))} (Erlang C), and the floor is the smallest c with {@code W <= goal} at the load
 * {@code a = B x (1 + headroom) + spreadWeight x spread}, where spread is how much the load moved within one lead
 * lately ({@link LoadSpread}). Unlike a utilisation target, it asks for little spare at many processes and much at
 * few, as queueing does, and it reacts to load the seasonal forecast did not expect.
 *
 * @param serviceTime S, how long one request takes alone; {@link Duration#ZERO} turns the floor off
 * @param responseGoal the mean response time to keep within; longer than the service time
 * @param headroom the share of extra load the floor is computed for, 0 or more (0.2 plans for 20% more than now)
 * @param spreadWeight extra load in units of the load's recent swing over one lead, 0 or more (2 plans for two swings)
 */
record QueueFloor(Duration serviceTime, Duration responseGoal, double headroom, double spreadWeight) {

    /** No floor. */
    static final QueueFloor OFF = new QueueFloor(Duration.ZERO, Duration.ZERO, 0, 0);

    /** Checks the goal can be met at all. */
    QueueFloor {
        Objects.requireNonNull(serviceTime, "serviceTime");
        Objects.requireNonNull(responseGoal, "responseGoal");
        if (!(headroom >= 0) || Double.isInfinite(headroom)) {
            throw new IllegalArgumentException("floor_headroom must be 0 or more, got " + headroom);
        }
        if (!(spreadWeight >= 0) || Double.isInfinite(spreadWeight)) {
            throw new IllegalArgumentException("floor_spread must be 0 or more, got " + spreadWeight);
        }
        if (serviceTime.isNegative() || responseGoal.isNegative()) {
            throw new IllegalArgumentException("service_time and response_goal must be 0s or more");
        }
        if (!serviceTime.isZero() && responseGoal.compareTo(serviceTime) <= 0) {
            throw new IllegalArgumentException("response_goal must be longer than service_time (a request alone takes"
                    + " the service time), got response_goal " + responseGoal.toMillis() + "ms and service_time "
                    + serviceTime.toMillis() + "ms; set both, or leave service_time at 0s to turn the floor off");
        }
    }

    /** @return true when a service time is set */
    boolean on() {
        return !serviceTime.isZero();
    }

    /**
     * @param busy busy processes measured now (the offered load in erlangs), 0 or more
     * @param spread how much the load moved within one lead lately, in busy processes, 0 or more
     * @return the fewest processes meeting the goal at {@code busy x (1 + headroom) + spreadWeight x spread}; 0 when
     *     off or nothing is busy
     */
    int processesFor(double busy, double spread) {
        if (!on() || !(busy > 0)) {
            return 0;
        }
        return processesAt(planned(busy, spread));
    }

    /**
     * @param load the offered load in erlangs to plan for, headroom already included
     * @return the fewest processes meeting the goal at exactly {@code load}; 0 when off or nothing is busy
     */
    int processesAt(double load) {
        if (!on() || !(load > 0)) {
            return 0;
        }
        double allowed = (double) responseGoal.toNanos() / serviceTime.toNanos();
        // Erlang B by its recurrence B(c) = a B(c-1) / (c + a B(c-1)), each term in [0, 1]; C from B once c > a.
        double blocking = 1;
        for (int servers = 1; servers < Integer.MAX_VALUE; servers++) {
            blocking = load * blocking / (servers + load * blocking);
            if (servers > load) {
                double waits = servers * blocking / (servers - load * (1 - blocking));
                if (1 + waits / (servers - load) <= allowed) {
                    return servers;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * @param servers processes serving
     * @param busy busy processes (the offered load in erlangs)
     * @return the M/M/c mean response time over the service time, infinite when {@code busy >= servers}
     */
    static double responseInServiceTimes(int servers, double busy) {
        if (busy >= servers) {
            return Double.POSITIVE_INFINITY;
        }
        double blocking = 1;
        for (int k = 1; k <= servers; k++) {
            blocking = busy * blocking / (k + busy * blocking);
        }
        return 1 + servers * blocking / (servers - busy * (1 - blocking)) / (servers - busy);
    }

    /** @return the offered load the floor is computed for */
    double planned(double busy, double spread) {
        return planned(busy, spread, Double.POSITIVE_INFINITY);
    }

    /**
     * @param cap the most the headroom and the spread may add to {@code busy} (guard_noise), or infinity
     * @return {@link #planned(double, double)}, no more than {@code busy + cap}
     */
    double planned(double busy, double spread, double cap) {
        return Math.min(busy * (1 + headroom) + spreadWeight * Math.max(0, spread), busy + cap);
    }

    /** @return how the floor was computed at the offered load {@code load}, for a decision's reason */
    String explainAt(double load, int floor) {
        return "queue floor " + floor + " (M/M/c within " + responseGoal.toMillis() + "ms at "
                + Decimals.fixed(load, 2) + " busy, " + serviceTime.toMillis() + "ms each)";
    }
}
