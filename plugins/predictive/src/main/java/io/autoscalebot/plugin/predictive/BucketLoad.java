package io.autoscalebot.plugin.predictive;

/**
 * What a profile learnt about one time bucket: the load of busy processes on average and at its peak.
 *
 * @param mean the smoothed mean busy-process load over the bucket's visits
 * @param peak the smoothed highest load seen within a visit
 * @param season which profile answered: {@code weekly} or {@code daily}
 */
record BucketLoad(double mean, double peak, String season) {

    /**
     * @param peakWeight 0 for the mean, 1 for the peak
     * @return the load to plan for
     */
    double planned(double peakWeight) {
        return mean + peakWeight * (peak - mean);
    }
}
