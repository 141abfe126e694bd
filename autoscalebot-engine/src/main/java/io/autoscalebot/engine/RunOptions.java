package io.autoscalebot.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link Autoscaler} runs.
 *
 * @param dryRun true to measure, decide and notify but never call the scale plugin, and keep state changes in memory
 * @param teardown how long one group's plugins may take to tear down, all together, when the autoscaler stops; a
 *     scale plugin stopping processes needs its own grace period within it, whatever the group's call timeout
 * @param summary how often to log one INFO line summing up the ticks since the last (counts by outcome, lateness), or
 *     {@link Duration#ZERO} for none; empty for what the configuration's {@code [log] summary} says ({@code --log-summary}
 *     given on the command line wins over the file)
 */
public record RunOptions(boolean dryRun, Duration teardown, Optional<Duration> summary) {

    /** A real run with a 30 s teardown budget and the summary line the configuration asks for, if any. */
    public static final RunOptions DEFAULT = new RunOptions(false, Duration.ofSeconds(30));

    /** With the summary line the configuration asks for, if any. */
    public RunOptions(boolean dryRun, Duration teardown) {
        this(dryRun, teardown, Optional.empty());
    }

    /** Checks the parts. */
    public RunOptions {
        Objects.requireNonNull(teardown, "teardown");
        Objects.requireNonNull(summary, "summary");
        if (summary.isPresent() && summary.get().isNegative()) {
            throw new IllegalArgumentException("the summary period must be 0s (none) or more, like 1m; got " + summary.get());
        }
        if (teardown.isNegative() || teardown.isZero()) {
            throw new IllegalArgumentException("the teardown budget must be more than 0s, like 30s; got " + teardown);
        }
    }

    /**
     * @param fromFile the configuration's {@code [log] summary}
     * @return the summary period to use: the command line's when given, else the file's
     */
    public Duration summaryOr(Duration fromFile) {
        return summary.orElse(fromFile);
    }
}
