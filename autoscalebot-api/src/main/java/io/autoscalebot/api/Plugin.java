package io.autoscalebot.api;

/**
 * Lifecycle hooks shared by every plugin instance. All are optional: override only what you need.
 *
 * <p>The engine calls {@link #setup()} once before the first tick, {@link #beforeTick()} before each tick of the group the
 * instance belongs to, and {@link #teardown()} once when the engine stops. Every call runs under a timeout with the
 * thread context class loader set to the plugin's own loader. An exception from a hook fails that group's tick (or, from
 * {@code setup}, that group's start) and never stops the engine.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Plugin {

    /**
     * Prepares the instance: opens connections, checks reachability.
     *
     * @throws Exception if the plugin cannot start; the message is shown to the user, so make it say what to fix
     */
    default void setup() throws Exception {
    }

    /**
     * Runs before each tick of the group.
     *
     * @throws Exception to fail this tick
     */
    default void beforeTick() throws Exception {
    }

    /**
     * Releases what {@link #setup()} or later calls acquired. Called once, also after a failed setup.
     *
     * @throws Exception reported, then ignored
     */
    default void teardown() throws Exception {
    }
}
