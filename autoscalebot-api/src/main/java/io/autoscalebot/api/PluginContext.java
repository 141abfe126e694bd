package io.autoscalebot.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the engine gives a plugin instance when creating it.
 *
 * @param group the name of the process group the instance serves ({@code web}, {@code worker})
 * @param clock the engine's clock; use it instead of {@link System#currentTimeMillis()} so tests run in virtual time
 * @param logger a logger named after the plugin and group; never log a secret
 * @param stateDirectory a directory private to this plugin instance for state that must survive a restart
 * @param dryRun true when the engine must not change anything outside itself (a {@code --dry-run} or a simulation)
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record PluginContext(String group, Clock clock, System.Logger logger, Path stateDirectory, boolean dryRun) {

    /** Checks that no component is null. */
    public PluginContext {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
    }
}
