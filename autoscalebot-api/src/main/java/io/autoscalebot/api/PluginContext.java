package io.autoscalebot.api;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the engine gives a plugin instance when creating it, for the instance's whole life.
 *
 * <p>The engine implements this interface; plugin tests get one from {@code autoscalebot-plugin-testkit} instead of
 * implementing it. Later API versions add methods to it, always with a default, so keep to calling it.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface PluginContext {

    /** @return the name of the process group the instance serves ({@code web}, {@code worker}) */
    String group();

    /** @return the engine's clock; use it instead of {@link System#currentTimeMillis()} so tests run in virtual time */
    Clock clock();

    /** @return a logger named after the group and the component; never log a secret */
    System.Logger logger();

    /**
     * @return a directory private to this instance, for state that must survive a restart. It may not exist yet: the
     *     engine does not create it, so that a dry run or a quiet group leaves nothing on disk; create it
     *     ({@code Files.createDirectories}) right before the first write
     */
    Path stateDirectory();

    /**
     * @return true when nothing outside autoscalebot may be changed: a {@code --dry-run} or a simulation, where scale
     *     plugins are never asked to scale and a plugin should not write what a real run would
     */
    boolean dryRun();

    /** @return the id of the plugin (jar) the instance comes from, as its manifest says: {@code heroku} */
    @Api(status = Api.Status.STABLE, since = "1.0")
    String pluginId();

    /** @return the version of that plugin, as its manifest says ({@code 1.2.0}), for a User-Agent or a log line */
    @Api(status = Api.Status.STABLE, since = "1.0")
    String pluginVersion();

    /**
     * The deadline of the engine's call in progress on this instance, set afresh before each call (create, setup,
     * beforeTick, measure, decide, current, scaleTo, notify, teardown). Read it during the call; see {@link Deadline}
     * for what "none" means.
     *
     * @return the deadline of the current call, or {@link Deadline#none()}
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    default Deadline deadline() {
        return Deadline.none();
    }
}
