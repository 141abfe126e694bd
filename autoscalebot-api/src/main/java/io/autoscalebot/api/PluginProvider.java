package io.autoscalebot.api;

import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * What a plugin registers with {@link java.util.ServiceLoader}: the description of one component and a factory for it.
 * Implement one of the four sub-interfaces, not this one.
 *
 * <p>{@link #id()}, {@link #description()}, {@link #settings()} and {@link #validate(Settings)} must be cheap and
 * side-effect free: the engine calls them to list, document and validate without creating anything.
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
     * Checks what the declared schema cannot: settings that contradict each other ({@code min_value} above
     * {@code max_value}), a malformed URL, an empty command. The engine calls it while loading the configuration, once
     * the settings have their declared types, defaults, choices and bounds; {@code autoscalebot config validate} then
     * prints each problem at its key's {@code FILE:LINE:COL}, and {@code autoscalebot run} refuses to start. So every
     * check that needs no network belongs here rather than in {@link #create}, which runs only when a group starts.
     *
     * <p>Do not connect anywhere, create files or start threads; return within a second. An exception thrown here is
     * reported as a bug of the plugin. A problem about two settings goes with the one the user most likely changes;
     * its message says what is wrong and how to fix it, and never contains a secret.
     *
     * @param settings the component's settings, resolved against {@link #settings()}
     * @return every problem found, each tied to a setting key; empty (the default) when the settings are usable
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    default List<SettingProblem> validate(Settings settings) {
        return List.of();
    }

    /**
     * Creates an instance for one group.
     *
     * @param settings the group's settings for this component, defaults applied, already accepted by
     *     {@link #validate(Settings)}
     * @param context the group, clock, logger and state directory
     * @return a new instance
     * @throws Exception if it cannot be created; a {@link PluginException} message is shown as is
     */
    T create(Settings settings, PluginContext context) throws Exception;
}
