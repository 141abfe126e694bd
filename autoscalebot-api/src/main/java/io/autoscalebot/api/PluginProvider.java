package io.autoscalebot.api;

import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * What a plugin registers with {@link java.util.ServiceLoader}: the description of one component and a factory for it.
 * Implement one of the four sub-interfaces, not this one.
 *
 * <p>{@link #id()}, {@link #description()} and {@link #settings()} must be cheap and side-effect free: the engine calls them
 * to list, document and validate without creating anything.
 *
 * @param <T> the kind of instance created
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface PluginProvider<T extends Plugin> {

    /**
     * @return the id users write in {@code autoscale.toml}: lower case letters, digits and dashes, like
     *     {@code response-time}; stable across versions
     */
    String id();

    /** @return one line saying what the component does, shown by {@code plugins list} */
    String description();

    /** @return the role of the component */
    Kind kind();

    /** @return the settings the component accepts, each declared once; empty by default */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Creates an instance for one group.
     *
     * @param settings the group's validated settings for this component, defaults applied
     * @param context the group, clock, logger and state directory
     * @return a new instance
     * @throws Exception if it cannot be created; a {@link PluginException} message is shown as is
     */
    T create(Settings settings, PluginContext context) throws Exception;
}
