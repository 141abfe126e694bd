package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * How much the measured load moves within one lead, lately: the root mean square of {@code L(t) - L(t - lead)},
 * smoothed over the adapt window. A process started now serves one lead from now, so this is the size of the swing the
 * reactive floor has to cover. Unlike a share of the load, it is large for a noisy load (a few requests a second, or
 * bursty traffic) and small for a steady one, so the floor buys spare only where the load actually swings.
 */
final class LoadSpread {

    private final Smoothed squared;
    // The loads of the last lead: the reference each new load is compared with.
    private final LeadAgo recent;

    /**
     * @param lead how far apart the compared loads are
     * @param window the time constant of the mean square
     */
    LoadSpread(Duration lead, Duration window) {
        this.recent = new LeadAgo(lead);
        this.squared = new Smoothed(window);
    }

    /**
     * @param time when the load was measured; not before the previous one
     * @param load busy processes measured
     */
    void add(Instant time, double load) {
        long second = time.getEpochSecond();
        double reference = recent.leadBefore(second);
        if (!Double.isNaN(reference)) {
            double change = load - reference;
            squared.add(time, change * change);
        }
        recent.add(second, load);
    }

    /** @return the root mean square change over one lead, 0 until two loads a lead apart were seen */
    double value() {
        return squared.known() ? Math.sqrt(squared.value()) : 0;
    }
}
