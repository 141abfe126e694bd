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
 */
record NoiseHandling(Duration levelWindow, double floorNoise, int downStep) {

    /** Plans on the last measurement and scales down at once, as before these settings existed. */
    static final NoiseHandling OFF = new NoiseHandling(Duration.ZERO, 0, 0);

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
        if (downStep < 0) {
            throw new IllegalArgumentException("down_step must be 0 (no limit) or more, got " + downStep);
        }
    }

    /** @return true when the decider plans on the smoothed level */
    boolean smoothed() {
        return !levelWindow.isZero();
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
