package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * One repeating profile of load, a day or a week long, cut into equal buckets. Each bucket keeps an exponentially
 * smoothed mean and peak of its visits, so last week counts most and a one-off day fades.
 */
final class Season {

    // 1970-01-05 was a Monday: weeks start on Monday 00:00 UTC, days at 00:00 UTC.
    private static final long FIRST_MONDAY = Duration.ofDays(4).getSeconds();

    private final String name;
    private final long lengthSeconds;
    private final long bucketSeconds;
    private final double[] mean;
    private final double[] peak;
    private final int[] visits;

    /**
     * @param name {@code weekly} or {@code daily}, for reasons and the state file
     * @param length the season's length; a whole number of buckets
     * @param bucket one bucket's width
     */
    Season(String name, Duration length, Duration bucket) {
        this.name = name;
        this.lengthSeconds = length.getSeconds();
        this.bucketSeconds = bucket.getSeconds();
        int buckets = Math.toIntExact(lengthSeconds / bucketSeconds);
        this.mean = new double[buckets];
        this.peak = new double[buckets];
        this.visits = new int[buckets];
    }

    String name() {
        return name;
    }

    int size() {
        return visits.length;
    }

    /** @return the bucket holding {@code time} */
    int index(Instant time) {
        return index(time.getEpochSecond());
    }

    /** @return the bucket holding the second {@code epochSecond} */
    int index(long epochSecond) {
        return (int) (Math.floorMod(epochSecond - FIRST_MONDAY, lengthSeconds) / bucketSeconds);
    }

    /**
     * Folds one finished visit of a bucket into what the bucket learnt; the first visit is taken as is.
     *
     * @param index the bucket
     * @param visitMean the visit's mean load
     * @param visitPeak the visit's highest load
     * @param smoothing the visit's weight
     */
    void learn(int index, double visitMean, double visitPeak, double smoothing) {
        double weight = visits[index] == 0 ? 1 : smoothing;
        mean[index] += weight * (visitMean - mean[index]);
        peak[index] += weight * (visitPeak - peak[index]);
        visits[index] = (int) Math.min(Integer.MAX_VALUE, visits[index] + 1L);
    }

    // Read by index rather than as an Optional of a record: the forecast reads several buckets on every tick.

    /** @return whether the bucket was ever visited, so that {@link #mean} and {@link #planned} mean something */
    boolean learnt(int index) {
        return visits[index] != 0;
    }

    /** @return the bucket's smoothed mean busy-process load over its visits */
    double mean(int index) {
        return mean[index];
    }

    /**
     * @param index the bucket
     * @param peakWeight 0 for the mean, 1 for the peak
     * @return the load to plan for: between the bucket's smoothed mean and its smoothed peak
     */
    double planned(int index, double peakWeight) {
        return mean[index] + peakWeight * (peak[index] - mean[index]);
    }

    /** @return the bucket's learnt state, for the state file */
    LearntBucket bucket(int index) {
        return new LearntBucket(index, mean[index], peak[index], visits[index]);
    }

    /** Puts back a bucket read from the state file. */
    void restore(LearntBucket bucket) {
        mean[bucket.index()] = bucket.mean();
        peak[bucket.index()] = bucket.peak();
        visits[bucket.index()] = bucket.visits();
    }

    /**
     * One bucket's learnt state.
     *
     * @param index its position in the season
     * @param mean the smoothed mean load
     * @param peak the smoothed peak load
     * @param visits how many visits it learnt from; 0 for never
     */
    record LearntBucket(int index, double mean, double peak, int visits) {
    }
}
