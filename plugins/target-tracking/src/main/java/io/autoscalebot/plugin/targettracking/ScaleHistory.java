package io.autoscalebot.plugin.targettracking;

import io.autoscalebot.api.decide.ScaleEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scales the engine made recently, learnt from {@code DecideContext.recentScales()} and {@code lastScale()}, so
 * rate policies can count how many processes were already added or removed within their period. Because the engine
 * keeps its recent scales across restarts, a restarted plugin still limits the first decision after recent scales.
 */
final class ScaleHistory {

    private final List<ScaleEvent> events = new ArrayList<>();

    /**
     * Records a scale the engine reports if it is new. Takes the event itself, not an {@code Optional}: it is called for
     * every recent scale on every tick, and a replay makes hundreds of thousands of ticks.
     *
     * @param event a scale as the engine reports it
     */
    void observe(ScaleEvent event) {
        if (events.contains(event)) {
            return;
        }
        // In time order, so the newest stays last whatever order the scales are learnt in.
        int at = events.size();
        while (at > 0 && events.get(at - 1).time().isAfter(event.time())) {
            at--;
        }
        events.add(at, event);
    }

    /**
     * @param now the decision time
     * @param period the policy period
     * @return processes added minus processes removed by scales strictly after {@code now - period}, in one pass
     */
    int netChangeWithin(Instant now, Duration period) {
        Instant cutoff = now.minus(period);
        int change = 0;
        for (int i = 0; i < events.size(); i++) {
            ScaleEvent event = events.get(i);
            if (event.time().isAfter(cutoff)) {
                // to - from is +added for a scale up and -removed for a scale down (0 for a "scale" to the same count).
                change += event.to() - event.from();
            }
        }
        return change;
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
}
