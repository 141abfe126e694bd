package io.autoscalebot.engine.loop;

import java.util.Objects;
import java.util.function.Function;

/**
 * How an {@link Engine} runs.
 *
 * @param dryRun true to run every step but the final scale call, and keep state changes in memory
 * @param loggers a logger by name; the engine logs as {@code io.autoscalebot.engine.GROUP} and gives each plugin
 *     instance {@code io.autoscalebot.plugin.GROUP.KIND.ID}; every line is redacted first
 */
public record EngineOptions(boolean dryRun, Function<String, System.Logger> loggers) {

    /** A real run, logging through {@link System#getLogger(String)}. */
    public static final EngineOptions DEFAULT = new EngineOptions(false, System::getLogger);

    /** Checks the parts. */
    public EngineOptions {
        Objects.requireNonNull(loggers, "loggers");
    }

    /** @return these options with the dry-run flag set as given */
    public EngineOptions withDryRun(boolean value) {
        return new EngineOptions(value, loggers);
    }

    /** @return these options logging through {@code value} */
    public EngineOptions withLoggers(Function<String, System.Logger> value) {
        return new EngineOptions(dryRun, value);
    }
}
