package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a higher count for a while before scaling down: the count may only fall to the highest count wanted within
 * the hold-down window, so a dip between two peaks, or a noisy minute, does not remove processes that are needed again
 * at once.
 */
final class HoldDown {

    private record Wanted(Instant time, int count) {
    }

    private final Duration window;
    private final Deque<Wanted> recent = new ArrayDeque<>();

    /** @param window how long a wanted count is remembered */
    HoldDown(Duration window) {
        this.window = window;
    }

    /**
     * @param now the decision's time
     * @param wanted the count wanted now
     * @return the highest count wanted within the window, {@code wanted} included
     */
    int highest(Instant now, int wanted) {
        Instant cutoff = now.minus(window);
        recent.removeIf(earlier -> !earlier.time().isAfter(cutoff));
        recent.addLast(new Wanted(now, wanted));
        int highest = wanted;
        for (Wanted earlier : recent) {
            highest = Math.max(highest, earlier.count());
        }
        return highest;
    }
}
