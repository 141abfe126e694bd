package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How an {@link Engine} runs.
 *
 * @param dryRun true to run every step but the final scale call, and keep state changes in memory
 * @param loggers a logger by name; the engine logs as {@code io.autoscalebot.engine.GROUP} and gives each plugin
 *     instance {@code io.autoscalebot.plugin.GROUP.KIND.ID}; every line is redacted first
 * @param teardown how long one group's plugins may take to tear down, all of them together, when the engine stops or a
 *     start fails. It is independent of the group's per-call {@code timeout}: a scale plugin stopping processes needs
 *     its own grace period (SIGTERM, then SIGKILL) and more, however short the group's calls are
 * @param spreadFirstTicks true to start each group's first tick at an offset within its interval, by a hash of its name
 *     (so many groups are not all due at once; {@code run} does this), false to tick every group at the start (tests)
 * @param summary how often to log one INFO line summing up the ticks since the last ({@code --log-summary}), or
 *     {@link Duration#ZERO} for none
 */
public record EngineOptions(boolean dryRun, Function<String, System.Logger> loggers, Duration teardown,
                            boolean spreadFirstTicks, Duration summary) {

    /** The default {@link #teardown()} budget. */
    public static final Duration DEFAULT_TEARDOWN = Duration.ofSeconds(30);

    /**
     * A real run, logging through {@link System#getLogger(String)}, with the {@link #DEFAULT_TEARDOWN}, every group's
     * first tick at the start.
     */
    public static final EngineOptions DEFAULT = new EngineOptions(false, System::getLogger, DEFAULT_TEARDOWN, false,
            Duration.ZERO);

    /** Checks the parts. */
    public EngineOptions {
        Objects.requireNonNull(loggers, "loggers");
        Objects.requireNonNull(teardown, "teardown");
        Objects.requireNonNull(summary, "summary");
        if (summary.isNegative()) {
            throw new IllegalArgumentException("the summary period must be >= 0, got " + summary);
        }
        if (teardown.isNegative() || teardown.isZero()) {
            throw new IllegalArgumentException("the teardown budget must be > 0, got " + teardown);
        }
    }

    /** @return these options with the dry-run flag set as given */
    public EngineOptions withDryRun(boolean value) {
        return new EngineOptions(value, loggers, teardown, spreadFirstTicks, summary);
    }

    /** @return these options logging through {@code value} */
    public EngineOptions withLoggers(Function<String, System.Logger> value) {
        return new EngineOptions(dryRun, value, teardown, spreadFirstTicks, summary);
    }

    /** @return these options with {@code value} as the teardown budget */
    public EngineOptions withTeardown(Duration value) {
        return new EngineOptions(dryRun, loggers, value, spreadFirstTicks, summary);
    }

    /** @return these options with first ticks spread over the interval, or not */
    public EngineOptions withSpreadFirstTicks(boolean value) {
        return new EngineOptions(dryRun, loggers, teardown, value, summary);
    }

    /** @return these options logging a summary line every {@code value}, or none for {@link Duration#ZERO} */
    public EngineOptions withSummary(Duration value) {
        return new EngineOptions(dryRun, loggers, teardown, spreadFirstTicks, value);
    }
}
