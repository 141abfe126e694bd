package io.autoscalebot.plugin.kubernetes;

import io.autoscalebot.api.PluginContext;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The one place tests make the {@link PluginContext} the engine would hand the plugin, so a change of how contexts are
 * made (an interface with a testkit builder) is one edit.
 */
public final class TestContexts {

    private TestContexts() {
    }

    /**
     * @param clock the engine's clock
     * @param logger the plugin's logger
     * @param state the instance's state directory
     * @return the context of group {@code web}, not a dry run
     */
    public static PluginContext context(Clock clock, System.Logger logger, Path state) {
        return io.autoscalebot.testkit.TestContexts.plugin().group("web").clock(clock).logger(logger).stateDirectory(state).build();
    }
}
