package io.autoscalebot.testkit;

import io.autoscalebot.api.Deadline;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.engine.context.ClockDeadline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link PluginContext} for plugin tests, built with {@link TestContexts#plugin()}. Unlike the engine's, its deadline
 * is set by the test: {@link #deadlineIn(Duration)} before calling the plugin as the engine would, {@link #noDeadline()}
 * for a call outside the engine. The deadline is measured with the context's clock, so with a {@link ManualClock} a
 * test moves time and watches the plugin give up.
 */
public final class TestPluginContext implements PluginContext {

    private final String group;
    private final Clock clock;
    private final System.Logger logger;
    private final Path stateDirectory;
    private final boolean dryRun;
    private final String pluginId;
    private final String pluginVersion;
    private final AtomicReference<Deadline> deadline = new AtomicReference<>(Deadline.none());

    TestPluginContext(String group, Clock clock, System.Logger logger, Path stateDirectory, boolean dryRun,
                      String pluginId, String pluginVersion) {
        this.group = Objects.requireNonNull(group, "group");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
        this.dryRun = dryRun;
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.pluginVersion = Objects.requireNonNull(pluginVersion, "pluginVersion");
    }

    /**
     * Sets the deadline as the engine does when a call starts: {@code timeout} from the clock's now.
     *
     * @param timeout the group's timeout the call would run under
     * @return this context
     */
    public TestPluginContext deadlineIn(Duration timeout) {
        deadline.set(ClockDeadline.after(clock, timeout));
        return this;
    }

    /**
     * @param at when the call's time is up
     * @return this context, with that deadline
     */
    public TestPluginContext deadlineAt(Instant at) {
        deadline.set(new ClockDeadline(clock, at));
        return this;
    }

    /** @return this context with no deadline, as outside an engine call or in a simulation */
    public TestPluginContext noDeadline() {
        deadline.set(Deadline.none());
        return this;
    }

    /**
     * @return what the plugin logged, as {@code LEVEL message} lines, when the context logs to a
     *     {@link CapturingLogger} (its default)
     * @throws IllegalStateException when the test gave another kind of logger
     */
    public java.util.List<String> logged() {
        if (logger instanceof CapturingLogger capturing) {
            return capturing.lines();
        }
        throw new IllegalStateException("this context logs to " + logger.getName()
                + ", given by the test; read the lines from that logger");
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public Path stateDirectory() {
        return stateDirectory;
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return pluginVersion;
    }

    @Override
    public Deadline deadline() {
        return deadline.get();
    }

    @Override
    public String toString() {
        return "TestPluginContext[group=" + group + ", plugin=" + pluginId + " " + pluginVersion + ", dryRun=" + dryRun
                + ", " + deadline.get() + "]";
    }
}
