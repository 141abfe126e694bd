package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Keeps a higher count for a while before scaling down: the count may only fall to the highest count wanted within
 * the hold-down window, so a dip between two peaks, or a noisy minute, does not remove processes that are needed again
 * at once.
 */
final class HoldDown {

    private final Duration window;
    // Two primitive arrays rather than a deque of records: this runs on every tick of a simulation.
    private long[] seconds = new long[16];
    private int[] nanos = new int[16];
    private int[] counts = new int[16];
    private int size;

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
        long cutoffSeconds = cutoff.getEpochSecond();
        int cutoffNanos = cutoff.getNano();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            // Kept when after the cutoff, as Instant.isAfter compares.
            if (seconds[i] > cutoffSeconds || seconds[i] == cutoffSeconds && nanos[i] > cutoffNanos) {
                seconds[kept] = seconds[i];
                nanos[kept] = nanos[i];
                counts[kept] = counts[i];
                kept++;
            }
        }
        size = kept;
        if (size == counts.length) {
            seconds = Arrays.copyOf(seconds, 2 * size);
            nanos = Arrays.copyOf(nanos, 2 * size);
            counts = Arrays.copyOf(counts, 2 * size);
        }
        seconds[size] = now.getEpochSecond();
        nanos[size] = now.getNano();
        counts[size] = wanted;
        size++;
        int highest = wanted;
        for (int i = 0; i < size; i++) {
            highest = Math.max(highest, counts[i]);
        }
        return highest;
    }
}
