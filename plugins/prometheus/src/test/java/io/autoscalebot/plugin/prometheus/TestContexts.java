package io.autoscalebot.plugin.prometheus;

import io.autoscalebot.api.PluginContext;
import java.nio.file.Path;
import java.time.Clock;

/** The one place tests make a {@link PluginContext}, so a change to how the engine hands it over changes one line. */
final class TestContexts {

    private TestContexts() {
    }

    /** @return the context of a {@code worker} group with the given clock */
    static PluginContext worker(Clock clock) {
        return io.autoscalebot.testkit.TestContexts.plugin().group("worker").clock(clock).logger(System.getLogger("prometheus-test")).stateDirectory(Path.of("target", "state")).build();
    }
}
