package io.autoscalebot.plugin.targettracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntBinaryOperator;

/**
 * The raw recommendations of recent decisions, for HPA's stabilization windows: moving up takes the lowest
 * recommendation of the up-window, moving down the highest of the down-window, so one spike or dip does not move the
 * count.
 */
final class RecommendationWindow {

    private record Recommendation(Instant time, int count) {
    }

    private final Deque<Recommendation> recommendations = new ArrayDeque<>();

    /**
     * @param cutoff recommendations at or before this time are out of the window (HPA counts only later ones)
     * @param proposal the recommendation being made now, which is always in the window
     * @return the lowest recommendation after {@code cutoff}, {@code proposal} included
     */
    int lowestAfter(Instant cutoff, int proposal) {
        return foldAfter(cutoff, proposal, Math::min);
    }

    /**
     * @param cutoff recommendations at or before this time are out of the window
     * @param proposal the recommendation being made now, which is always in the window
     * @return the highest recommendation after {@code cutoff}, {@code proposal} included
     */
    int highestAfter(Instant cutoff, int proposal) {
        return foldAfter(cutoff, proposal, Math::max);
    }

    private int foldAfter(Instant cutoff, int proposal, IntBinaryOperator pick) {
        int result = proposal;
        for (Recommendation recommendation : recommendations) {
            if (recommendation.time().isAfter(cutoff)) {
                result = pick.applyAsInt(result, recommendation.count());
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
        recommendations.removeIf(recommendation -> !recommendation.time().isAfter(cutoff));
        recommendations.addLast(new Recommendation(time, count));
    }
}
