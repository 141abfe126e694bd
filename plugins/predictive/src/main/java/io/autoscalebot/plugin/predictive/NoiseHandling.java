package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.util.Objects;

/**
 * How the decider treats a noisy load, each part optional: plan on the load's smoothed level rather than on the last
 * measurement ({@link LoadLevel}), cover the noise around that level in the reactive floor, and scale down a few
 * processes a tick rather than all at once when the hold-down lets go.
 *
 * @param levelWindow the time constant of the smoothed level and trend; {@link Duration#ZERO} plans on the last
 *     measurement, as without this
 * @param floorNoise how many standard deviations of the noise around the level the reactive floor covers, 0 or more;
 *     needs a level window
 * @param downStep the most processes one tick removes, 0 for no limit
 * @param guardNoise the most spare, in standard deviations of the noise around the level, that the guards which are a
 *     share of the load (target and headroom on the planned load, floor_headroom and floor_spread on the load now)
 *     may add; 0 for no limit; needs a level window
 * @param noiseSlot the width of the slots of the day the noise is learnt in ({@link SeasonalNoise}), so floor_noise
 *     and guard_noise use the noise of the slots the coming lead reaches; {@link Duration#ZERO} for one overall noise;
 *     needs a level window
 */
record NoiseHandling(Duration levelWindow, double floorNoise, int downStep, double guardNoise, Duration noiseSlot) {

    /** Plans on the last measurement and scales down at once, as before these settings existed. */
    static final NoiseHandling OFF = new NoiseHandling(Duration.ZERO, 0, 0);

    /** Without a cap on the guards and with one overall noise, as before guard_noise and noise_slot existed. */
    NoiseHandling(Duration levelWindow, double floorNoise, int downStep) {
        this(levelWindow, floorNoise, downStep, 0, Duration.ZERO);
    }

    /** Checks the parts fit together. */
    NoiseHandling {
        Objects.requireNonNull(levelWindow, "levelWindow");
        if (levelWindow.isNegative()) {
            throw new IllegalArgumentException("level_window must be 0s or more, got " + Durations.text(levelWindow));
        }
        if (!(floorNoise >= 0) || Double.isInfinite(floorNoise)) {
            throw new IllegalArgumentException("floor_noise must be 0 or more, got " + floorNoise);
        }
        if (floorNoise > 0 && levelWindow.isZero()) {
            throw new IllegalArgumentException("floor_noise needs level_window: the noise is measured around the"
                    + " smoothed level; set level_window (e.g. 10m) or floor_noise = 0");
        }
        if (!(guardNoise >= 0) || Double.isInfinite(guardNoise)) {
            throw new IllegalArgumentException("guard_noise must be 0 or more, got " + guardNoise);
        }
        if (guardNoise > 0 && levelWindow.isZero()) {
            throw new IllegalArgumentException("guard_noise needs level_window: the guards are capped at a multiple of"
                    + " the noise around the smoothed level; set level_window (e.g. 5m) or guard_noise = 0");
        }
        Objects.requireNonNull(noiseSlot, "noiseSlot");
        if (!noiseSlot.isZero() && (noiseSlot.getSeconds() < 60 || noiseSlot.getNano() != 0
                || Duration.ofDays(1).getSeconds() % noiseSlot.getSeconds() != 0)) {
            throw new IllegalArgumentException("noise_slot must be 0s (one overall noise) or whole seconds, at least"
                    + " 1m, dividing a day (1m, 5m, 15m), got " + Durations.text(noiseSlot));
        }
        if (!noiseSlot.isZero() && levelWindow.isZero()) {
            throw new IllegalArgumentException("noise_slot needs level_window: the noise is measured around the"
                    + " smoothed level; set level_window (e.g. 5m) or noise_slot = \"0s\"");
        }
        if (downStep < 0) {
            throw new IllegalArgumentException("down_step must be 0 (no limit) or more, got " + downStep);
        }
    }

    /** @return true when the decider plans on the smoothed level */
    boolean smoothed() {
        return !levelWindow.isZero();
    }

    /**
     * @param noise the noise around the level now, in busy processes
     * @param known whether that noise was measured yet
     * @return the most spare the guards may add: {@code guardNoise x noise}, or no limit when guard_noise is 0 or the
     *     noise is not known yet (a decider that has seen less than a lead keeps its full guards)
     */
    double guardCap(double noise, boolean known) {
        return guardNoise > 0 && known ? guardNoise * noise : Double.POSITIVE_INFINITY;
    }

    /**
     * @param current processes running
     * @param held the count the hold-down allows
     * @return {@code held}, or no fewer than {@code current - downStep} when that is a smaller step down
     */
    int stepDown(int current, int held) {
        return downStep > 0 && held < current ? Math.max(held, current - downStep) : held;
    }
}
