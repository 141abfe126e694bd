package io.autoscalebot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds a {@link TestPluginContext}; see {@link TestContexts#plugin()} for the defaults. Not thread safe; each
 * {@link #build()} gives a new context.
 */
public final class PluginContextBuilder {

    private String group = "web";
    private Clock clock = new ManualClock(TestContexts.TIME);
    private System.Logger logger;
    private Path stateDirectory;
    private boolean dryRun;
    private String pluginId = "test-plugin";
    private String pluginVersion = "0.0.0";

    PluginContextBuilder() {
    }

    /** @return this builder, for group {@code name} */
    public PluginContextBuilder group(String name) {
        this.group = Objects.requireNonNull(name, "name");
        return this;
    }

    /** @return this builder, with that clock (a {@link ManualClock} to move time by hand) */
    public PluginContextBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** @return this builder, logging to {@code logger} instead of a new {@link CapturingLogger} */
    public PluginContextBuilder logger(System.Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
        return this;
    }

    /** @return this builder, with that state directory (a JUnit {@code @TempDir}, usually) */
    public PluginContextBuilder stateDirectory(Path directory) {
        this.stateDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** @return this builder, for a dry run ({@code --dry-run} or a simulation) or not */
    public PluginContextBuilder dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /** @return this builder, for a plugin with that id */
    public PluginContextBuilder pluginId(String id) {
        this.pluginId = Objects.requireNonNull(id, "id");
        return this;
    }

    /** @return this builder, for a plugin of that version */
    public PluginContextBuilder pluginVersion(String version) {
        this.pluginVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * @return a new context, with no deadline; a fresh temporary state directory when none was given, so a plugin
     *     that writes state never writes into the working directory
     */
    public TestPluginContext build() {
        return new TestPluginContext(group, clock, logger != null ? logger : new CapturingLogger(group),
                stateDirectory != null ? stateDirectory : temporaryStateDirectory(), dryRun, pluginId, pluginVersion);
    }

    private static Path temporaryStateDirectory() {
        try {
            return Files.createTempDirectory("autoscalebot-test-state-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary state directory; give one with"
                    + " stateDirectory(...)", e);
        }
    }
}
