package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The values of the last lead, to compare a new one with the newest at least one lead old: how the load moved over a
 * lead ({@link LoadSpread}), how far it was from what was expected for it a lead before ({@link LoadLevel}).
 */
final class LeadAgo {

    private record Sample(long second, double value) {
    }

    private final long leadSeconds;
    // Oldest first; the newest value at least a lead old is kept as the reference for the next ones.
    private final Deque<Sample> recent = new ArrayDeque<>();

    /** @param lead how far apart the compared values are */
    LeadAgo(Duration lead) {
        this.leadSeconds = Math.max(1, lead.getSeconds());
    }

    /**
     * @param second now, in epoch seconds; not before the previous call's
     * @return the newest value added at least one lead before {@code second}, NaN when there is none yet; older ones
     *     are dropped, as no later call needs them
     */
    double leadBefore(long second) {
        Sample reference = null;
        while (!recent.isEmpty() && recent.peekFirst().second() <= second - leadSeconds) {
            reference = recent.removeFirst();
        }
        if (reference == null) {
            return Double.NaN;
        }
        recent.addFirst(reference);
        return reference.value();
    }

    /**
     * @param second when, in epoch seconds; not before the previous one
     * @param value a finite value
     */
    void add(long second, double value) {
        recent.addLast(new Sample(second, value));
    }
}
