package io.autoscalebot.plugin.memory;

import io.autoscalebot.api.PluginContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The one place this module's tests build a {@link PluginContext}, so a change to how one is made is one edit. */
final class Contexts {

    private Contexts() {
    }

    static PluginContext forGroup(String group) {
        return io.autoscalebot.testkit.TestContexts.plugin().group(group).clock(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC)).logger(System.getLogger("test")).stateDirectory(Path.of("unused-state")).build();
    }
}
