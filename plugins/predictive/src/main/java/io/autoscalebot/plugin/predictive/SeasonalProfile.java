package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The learnt shape of a group's load: a weekly profile (weekdays and weekends differ) and a daily one (learnt within a
 * day, used until the weekly one has seen that hour of that weekday). Measurements are gathered per visit of a bucket
 * and learnt when the visit ends, so a bucket's forecast never includes the visit in progress.
 */
final class SeasonalProfile {

    private final Duration bucket;
    private final double smoothing;
    private final Season weekly;
    private final Season daily;
    private Visit visit;

    /**
     * @param bucket one bucket's width, dividing a day
     * @param smoothing the weight of a bucket's newest visit
     */
    SeasonalProfile(Duration bucket, double smoothing) {
        this.bucket = bucket;
        this.smoothing = smoothing;
        this.weekly = new Season("weekly", Duration.ofDays(7), bucket);
        this.daily = new Season("daily", Duration.ofDays(1), bucket);
    }

    /** @return the weekly and the daily season, for the state file */
    List<Season> seasons() {
        return List.of(weekly, daily);
    }

    /** @return the bucket width */
    Duration bucket() {
        return bucket;
    }

    /**
     * Adds one measured load. A measurement in a new bucket ends the visit of the previous one, which is then learnt.
     *
     * @param time when it was measured
     * @param load busy processes
     */
    void observe(Instant time, double load) {
        long slot = Math.floorDiv(time.getEpochSecond(), bucket.getSeconds());
        if (visit != null && visit.slot != slot) {
            endVisit();
        }
        if (visit == null) {
            visit = new Visit(slot, time);
        }
        visit.add(load);
    }

    private void endVisit() {
        for (Season season : seasons()) {
            season.learn(season.index(visit.start), visit.sum / visit.count, visit.peak, smoothing);
        }
        visit = null;
    }

    /**
     * @return the season that says what to expect in the second {@code epochSecond}: weekly when it learnt that bucket, else daily when
     *     it did, else null (not an Optional: the forecast asks on every tick)
     */
    Season answering(long epochSecond) {
        if (weekly.learnt(weekly.index(epochSecond))) {
            return weekly;
        }
        return daily.learnt(daily.index(epochSecond)) ? daily : null;
    }

    /** The measurements of the bucket being visited. */
    private static final class Visit {
        private final long slot;
        private final Instant start;
        private double sum;
        private int count;
        private double peak;

        private Visit(long slot, Instant start) {
            this.slot = slot;
            this.start = start;
        }

        private void add(double load) {
            sum += load;
            count++;
            peak = Math.max(peak, load);
        }
    }
}
