package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * The load's noise around its level by time of day: the mean square of the level's error one lead ahead
 * ({@link LoadLevel}), learnt per slot of the day as the seasonal profile learns the load per bucket. A load that holds
 * still and moves in steps at set times (hourly page views replayed a minute at a time) errs only in the slots after
 * each step, so spare planned from the slots the coming lead reaches is paid around the steps, not all hour; a load
 * that is noisy all day has about the same noise in every slot, and this comes to the same as one overall noise.
 *
 * <p>Each visit of a slot (its errors from entering it to leaving it) is folded into what the slot learnt with the
 * profile's smoothing, so last days count most.
 */
final class SeasonalNoise {

    private static final long DAY_SECONDS = Duration.ofDays(1).getSeconds();

    private final long slotSeconds;
    private final double smoothing;
    private final double[] meanSquare;
    private final boolean[] learnt;
    // The visit under way: its slot, its epoch slot number (to tell tomorrow's visit of the same slot from it), sums.
    private long visitNumber = Long.MIN_VALUE;
    private double visitSum;
    private int visitCount;

    /**
     * @param slot one slot's width, whole seconds, at least 1m, dividing a day
     * @param smoothing the weight in (0, 1] of a slot's newest visit against what it learnt before
     */
    SeasonalNoise(Duration slot, double smoothing) {
        long seconds = slot.getSeconds();
        if (seconds < 60 || slot.getNano() != 0 || DAY_SECONDS % seconds != 0) {
            throw new IllegalArgumentException("noise_slot must be whole seconds, at least 1m, dividing a day"
                    + " (1m, 5m, 15m), got " + Durations.text(slot));
        }
        this.slotSeconds = seconds;
        this.smoothing = smoothing;
        int slots = Math.toIntExact(DAY_SECONDS / seconds);
        this.meanSquare = new double[slots];
        this.learnt = new boolean[slots];
    }

    /**
     * @param time when the error was seen; not before the previous one
     * @param error the load minus what the level expected for it a lead earlier, in busy processes
     */
    void add(Instant time, double error) {
        long number = Math.floorDiv(time.getEpochSecond(), slotSeconds);
        if (number != visitNumber) {
            fold();
            visitNumber = number;
        }
        visitSum += error * error;
        visitCount++;
    }

    private void fold() {
        if (visitCount == 0) {
            return;
        }
        int index = (int) Math.floorMod(visitNumber, meanSquare.length);
        double visit = visitSum / visitCount;
        meanSquare[index] = learnt[index] ? meanSquare[index] + smoothing * (visit - meanSquare[index]) : visit;
        learnt[index] = true;
        visitSum = 0;
        visitCount = 0;
    }

    /**
     * @param now the decision's time
     * @param lead how far ahead the decision plans
     * @param overall the noise over all slots, for a slot not learnt yet
     * @return the largest noise (root mean square) of the slots from now to now + lead, each learnt slot's own and an
     *     unlearnt one's {@code overall}
     */
    double ahead(Instant now, Duration lead, double overall) {
        long first = Math.floorDiv(now.getEpochSecond(), slotSeconds);
        long last = Math.floorDiv(now.getEpochSecond() + lead.getSeconds(), slotSeconds);
        double largest = 0;
        for (long number = first; number <= last; number++) {
            int index = (int) Math.floorMod(number, meanSquare.length);
            double noise = learnt[index] ? Math.sqrt(meanSquare[index]) : overall;
            largest = Math.max(largest, noise);
        }
        return largest;
    }
}
