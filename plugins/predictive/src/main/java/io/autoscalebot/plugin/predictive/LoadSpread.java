package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How much the measured load moves within one lead, lately: the root mean square of {@code L(t) - L(t - lead)},
 * smoothed over the adapt window. A process started now serves one lead from now, so this is the size of the swing the
 * reactive floor has to cover. Unlike a share of the load, it is large for a noisy load (a few requests a second, or
 * bursty traffic) and small for a steady one, so the floor buys spare only where the load actually swings.
 */
final class LoadSpread {

    private record Sample(long second, double load) {
    }

    private final long leadSeconds;
    private final Smoothed squared;
    // The loads of the last lead, oldest first: the reference each new load is compared with.
    private final Deque<Sample> recent = new ArrayDeque<>();

    /**
     * @param lead how far apart the compared loads are
     * @param window the time constant of the mean square
     */
    LoadSpread(Duration lead, Duration window) {
        this.leadSeconds = Math.max(1, lead.getSeconds());
        this.squared = new Smoothed(window);
    }

    /**
     * @param time when the load was measured; not before the previous one
     * @param load busy processes measured
     */
    void add(Instant time, double load) {
        long second = time.getEpochSecond();
        // The reference is the newest load at least one lead old; older ones are no longer needed.
        Sample reference = null;
        while (!recent.isEmpty() && recent.peekFirst().second() <= second - leadSeconds) {
            reference = recent.removeFirst();
        }
        if (reference != null) {
            double change = load - reference.load();
            squared.add(time, change * change);
            // Kept as the reference for the next load, which is also at least a lead younger.
            recent.addFirst(reference);
        }
        recent.addLast(new Sample(second, load));
    }

    /** @return the root mean square change over one lead, 0 until two loads a lead apart were seen */
    double value() {
        return squared.known() ? Math.sqrt(squared.value()) : 0;
    }
}
