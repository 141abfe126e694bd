package io.autoscalebot.engine.context;

import io.autoscalebot.api.Deadline;
import io.autoscalebot.api.PluginContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The context of one plugin instance, for its whole life. Its {@link #deadline()} is that of the engine's call in
 * progress on the instance: {@link #during} sets it when the call starts and puts back "none" when it ends.
 *
 * <p>An instance gets one call at a time, except that a call the engine abandoned may still be running when the next
 * starts (a hook that ignored its interrupt). The abandoned call then sees the next call's deadline, and its own end
 * leaves the next call's deadline in place rather than clearing it.
 */
public final class InstanceContext implements PluginContext {

    private final String group;
    private final Clock clock;
    private final System.Logger logger;
    private final Path stateDirectory;
    private final boolean dryRun;
    private final String pluginId;
    private final String pluginVersion;
    private final AtomicReference<Deadline> deadline = new AtomicReference<>(Deadline.none());

    /**
     * @param group the group the instance serves
     * @param clock the engine's clock, which also measures deadlines
     * @param logger the instance's logger
     * @param stateDirectory the instance's state directory
     * @param dryRun whether nothing outside autoscalebot may change
     * @param pluginId the id of the plugin the instance comes from
     * @param pluginVersion that plugin's version
     */
    public InstanceContext(String group, Clock clock, System.Logger logger, Path stateDirectory, boolean dryRun,
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
     * Wraps a call into the instance so that, while it runs, {@link #deadline()} is {@code timeout} after its start.
     *
     * @param timeout how long the engine waits for the call
     * @param body the call
     * @param <T> what the call returns
     * @return the wrapped call, to run where the call would have run
     */
    public <T> Callable<T> during(Duration timeout, Callable<T> body) {
        return () -> {
            Deadline mine = ClockDeadline.after(clock, timeout);
            deadline.set(mine);
            try {
                return body.call();
            } finally {
                deadline.compareAndSet(mine, Deadline.none());
            }
        };
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
        return "PluginContext[group=" + group + ", plugin=" + pluginId + " " + pluginVersion + ", dryRun=" + dryRun
                + ", " + deadline.get() + "]";
    }
}
