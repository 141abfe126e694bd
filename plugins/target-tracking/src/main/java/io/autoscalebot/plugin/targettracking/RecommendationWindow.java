package io.autoscalebot.plugin.targettracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The raw recommendations of recent decisions, for HPA's stabilization windows: moving up takes the lowest
 * recommendation of the up-window, moving down the highest of the down-window, so one spike or dip does not move the
 * count.
 *
 * <p>Kept in parallel primitive arrays (time as epoch second and nano, count), oldest first, because a replay calls this
 * on every one of its hundreds of thousands of ticks: a deque of records cost an object, an {@code Instant} and an
 * iterator per tick. The window holds only the ticks of the longest stabilization window (5 to 20 at HPA's
 * defaults), so expiry compacts the arrays in one pass; it drops every expired entry wherever it is, so a clock set
 * back (times out of order) is handled as before.
 */
final class RecommendationWindow {

    private long[] seconds = new long[16];
    private int[] nanos = new int[16];
    private int[] counts = new int[16];
    private int size;

    /**
     * @param cutoff recommendations at or before this time are out of the window (HPA counts only later ones)
     * @param proposal the recommendation being made now, which is always in the window
     * @return the lowest recommendation after {@code cutoff}, {@code proposal} included
     */
    int lowestAfter(Instant cutoff, int proposal) {
        return foldAfter(cutoff, proposal, false);
    }

    /**
     * @param cutoff recommendations at or before this time are out of the window
     * @param proposal the recommendation being made now, which is always in the window
     * @return the highest recommendation after {@code cutoff}, {@code proposal} included
     */
    int highestAfter(Instant cutoff, int proposal) {
        return foldAfter(cutoff, proposal, true);
    }

    /** A flag rather than an IntBinaryOperator: a plain loop with nothing behind an interface. */
    private int foldAfter(Instant cutoff, int proposal, boolean highest) {
        long cutoffSecond = cutoff.getEpochSecond();
        int cutoffNano = cutoff.getNano();
        int result = proposal;
        for (int i = 0; i < size; i++) {
            if (isAfter(i, cutoffSecond, cutoffNano)) {
                result = highest ? Math.max(result, counts[i]) : Math.min(result, counts[i]);
            }
        }
        return result;
    }

    /**
     * Remembers a recommendation and forgets those no window can see any more.
     *
     * @param time when it was made
     * @param count the unstabilized recommendation
     * @param longestWindow the longer of the two stabilization windows
     */
    void add(Instant time, int count, Duration longestWindow) {
        Instant cutoff = time.minus(longestWindow);
        long cutoffSecond = cutoff.getEpochSecond();
        int cutoffNano = cutoff.getNano();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (isAfter(i, cutoffSecond, cutoffNano)) {
                seconds[kept] = seconds[i];
                nanos[kept] = nanos[i];
                counts[kept] = counts[i];
                kept++;
            }
        }
        size = kept;
        if (size == counts.length) {
            seconds = Arrays.copyOf(seconds, size * 2);
            nanos = Arrays.copyOf(nanos, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        seconds[size] = time.getEpochSecond();
        nanos[size] = time.getNano();
        counts[size] = count;
        size++;
    }

    /** @return how many recommendations are remembered, for tests of expiry */
    int size() {
        return size;
    }

    /** Same as {@code Instant.isAfter}, on the stored parts of entry {@code i}. */
    private boolean isAfter(int i, long cutoffSecond, int cutoffNano) {
        return seconds[i] > cutoffSecond || (seconds[i] == cutoffSecond && nanos[i] > cutoffNano);
    }
}
