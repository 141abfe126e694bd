package io.autoscalebot.plugin.predictive;

import io.autoscalebot.api.settings.SettingProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The validated settings of one predictive decider.
 *
 * @param target the busy share of each process to aim for, in (0, 1]
 * @param headroom beta of square-root staffing: spare processes in units of the square root of the busy ones
 * @param lead how far ahead to plan: the boot time plus the interval, so a process started now serves when needed
 * @param bucket the width of one time-of-week bucket of the profile; divides a day
 * @param smoothing the weight in (0, 1] of a bucket's newest visit against what the bucket learnt before
 * @param peakWeight where in [0, 1] between a bucket's mean load (0) and its peak (1) to plan for
 * @param holdDown how long a higher count is kept before scaling down
 * @param maxError the forecast error (mean absolute error over mean load) beyond which the forecast is ignored
 * @param adaptWindow the time constant of the level correction and of the forecast error
 * @param saveEvery how often the profile is written to the state directory, besides at shutdown
 */
record Policy(double target, double headroom, Duration lead, Duration bucket, double smoothing, double peakWeight,
              Duration holdDown, double maxError, Duration adaptWindow, Duration saveEvery) {

    /** Checks what the settings' types and bounds cannot, as {@link #problems} does. */
    Policy {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(holdDown, "holdDown");
        Objects.requireNonNull(adaptWindow, "adaptWindow");
        Objects.requireNonNull(saveEvery, "saveEvery");
        List<SettingProblem> problems = problems(target, headroom, bucket, smoothing, peakWeight, adaptWindow);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
    }

    /**
     * @return what makes these values unusable, each at its setting: for the provider's {@code validate}, and the
     *     record's own check
     */
    static List<SettingProblem> problems(double target, double headroom, Duration bucket, double smoothing,
                                         double peakWeight, Duration adaptWindow) {
        List<SettingProblem> problems = new ArrayList<>();
        if (!(target > 0 && target <= 1)) {
            problems.add(new SettingProblem("target", "target must be above 0 and at most 1, got " + target
                    + "; it is a utilisation as a fraction, like 0.7 for 70%"));
        }
        if (!(headroom >= 0) || Double.isInfinite(headroom)) {
            problems.add(new SettingProblem("headroom", "headroom must be 0 or more, got " + headroom));
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            problems.add(new SettingProblem("smoothing", "smoothing must be above 0 and at most 1, got " + smoothing));
        }
        if (!(peakWeight >= 0 && peakWeight <= 1)) {
            problems.add(new SettingProblem("peak_weight", "peak_weight must be between 0 and 1, got " + peakWeight));
        }
        boolean dividesADay = bucket.getSeconds() > 0 && Duration.ofDays(1).getSeconds() % bucket.getSeconds() == 0;
        if (bucket.getSeconds() < 60 || bucket.getNano() != 0 || !dividesADay) {
            problems.add(new SettingProblem("bucket", "bucket must be whole seconds, at least 1m, dividing a day"
                    + " (5m, 15m, 1h), got " + Durations.text(bucket)));
        }
        if (adaptWindow.isZero() || adaptWindow.isNegative()) {
            problems.add(new SettingProblem("adapt_window", "adapt_window must be longer than 0s, got "
                    + Durations.text(adaptWindow)));
        }
        return problems;
    }

    /**
     * Square-root staffing (Halfin and Whitt): random arrivals on B busy processes fluctuate by about sqrt(B), so a
     * fixed utilisation target leaves too little spare at a few processes and too much at many. Spare processes in
     * proportion to sqrt(B) keep the chance of queueing about the same at every size.
     *
     * @param busy busy processes to plan for, 0 or more
     * @return {@code ceil(busy / target + headroom x sqrt(busy))}
     */
    int processesFor(double busy) {
        return processesFor(busy, Double.POSITIVE_INFINITY);
    }

    /**
     * @param busy busy processes to plan for, 0 or more
     * @param cap the most spare over {@code busy} the target and headroom may add (guard_noise), or infinity
     * @return {@link #processesFor(double)}, with no more than {@code busy + cap} before rounding up
     */
    int processesFor(double busy, double cap) {
        double wanted = Math.min(busy / target + headroom * Math.sqrt(busy), busy + cap);
        // The small epsilon keeps 7.0 / 0.7 = 10.000000000000002 at 10.
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(wanted - 1e-9));
    }

    /** @return how {@link #processesFor} computes, for a decision's reason: {@code ceil(7.00 / 0.70)} */
    String explain(double busy) {
        String planned = Decimals.fixed(busy, 2);
        String ceil = "ceil(" + planned + " / " + Decimals.fixed(target, 2);
        return headroom == 0 ? ceil + ")" : ceil + " + " + Decimals.fixed(headroom, 2) + " x sqrt(" + planned + "))";
    }
}
