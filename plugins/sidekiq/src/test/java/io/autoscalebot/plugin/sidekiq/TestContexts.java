package io.autoscalebot.plugin.sidekiq;

import io.autoscalebot.api.PluginContext;
import java.nio.file.Path;
import java.time.Clock;

/** The one place tests make what the engine hands a plugin, so a change to how contexts are made is one edit. */
final class TestContexts {

    private TestContexts() {
    }

    /** @return the context of group {@code worker} with that clock */
    static PluginContext context(Clock clock) {
        return io.autoscalebot.testkit.TestContexts.plugin().group("worker").clock(clock).logger(System.getLogger("sidekiq-test")).stateDirectory(Path.of("target", "state")).build();
    }
}
