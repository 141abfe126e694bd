package io.autoscalebot.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link Autoscaler} runs.
 *
 * @param dryRun true to measure, decide and notify but never call the scale plugin, and keep state changes in memory
 * @param teardown how long one group's plugins may take to tear down, all together, when the autoscaler stops; a
 *     scale plugin stopping processes needs its own grace period within it, whatever the group's call timeout
 */
public record RunOptions(boolean dryRun, Duration teardown) {

    /** A real run with a 30 s teardown budget. */
    public static final RunOptions DEFAULT = new RunOptions(false, Duration.ofSeconds(30));

    /** Checks the parts. */
    public RunOptions {
        Objects.requireNonNull(teardown, "teardown");
        if (teardown.isNegative() || teardown.isZero()) {
            throw new IllegalArgumentException("the teardown budget must be more than 0s, like 30s; got " + teardown);
        }
    }
}
