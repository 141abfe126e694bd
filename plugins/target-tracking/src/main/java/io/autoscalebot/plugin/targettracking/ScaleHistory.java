package io.autoscalebot.plugin.targettracking;

import io.autoscalebot.api.decide.ScaleEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scales the engine made recently, learnt from {@code DecideContext.recentScales()} and {@code lastScale()}, so
 * rate policies can count how many processes were already added or removed within their period. Because the engine
 * keeps its recent scales across restarts, a restarted plugin still limits the first decision after recent scales.
 */
final class ScaleHistory {

    private final List<ScaleEvent> events = new ArrayList<>();

    /**
     * Records the engine's last scale if it is new.
     *
     * @param lastScale the last scale as the engine reports it
     */
    void observe(Optional<ScaleEvent> lastScale) {
        lastScale.filter(event -> !events.contains(event)).ifPresent(event -> {
            // In time order, so the newest stays last whatever order the scales are learnt in.
            int at = events.size();
            while (at > 0 && events.get(at - 1).time().isAfter(event.time())) {
                at--;
            }
            events.add(at, event);
        });
    }

    /**
     * @param now the decision time
     * @param period the policy period
     * @return processes added by scales strictly after {@code now - period}
     */
    int addedWithin(Instant now, Duration period) {
        return changeWithin(now, period, ScaleEvent.Direction.UP);
    }

    /**
     * @param now the decision time
     * @param period the policy period
     * @return processes removed by scales strictly after {@code now - period}
     */
    int removedWithin(Instant now, Duration period) {
        return changeWithin(now, period, ScaleEvent.Direction.DOWN);
    }

    /**
     * Forgets scales no period can see any more.
     *
     * @param now the decision time
     * @param longestPeriod the longer of the two policy periods
     */
    void forgetBefore(Instant now, Duration longestPeriod) {
        Instant cutoff = now.minus(longestPeriod);
        // The newest event stays so observe() does not record it again while the engine keeps reporting it.
        for (int i = events.size() - 2; i >= 0; i--) {
            if (!events.get(i).time().isAfter(cutoff)) {
                events.remove(i);
            }
        }
    }

    private int changeWithin(Instant now, Duration period, ScaleEvent.Direction direction) {
        Instant cutoff = now.minus(period);
        int change = 0;
        for (ScaleEvent event : events) {
            if (event.direction() == direction && event.time().isAfter(cutoff)) {
                change += Math.abs(event.to() - event.from());
            }
        }
        return change;
    }
}
