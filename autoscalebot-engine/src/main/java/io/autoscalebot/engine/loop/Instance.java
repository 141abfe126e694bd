package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.context.InstanceContext;
import java.util.Objects;

/**
 * One created plugin instance of a group, with the configuration it came from.
 *
 * @param plugin the instance
 * @param config its component and settings: its label in messages and its class loader
 * @param context the context it was created with, whose deadline every guarded call sets
 * @param <T> its kind's interface
 */
public record Instance<T extends Plugin>(T plugin, ComponentConfig config, InstanceContext context) {

    /** Checks the parts. */
    public Instance {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(context, "context");
    }

    /** @return {@code measure 'response-time'}, for messages */
    public String label() {
        return label(config);
    }

    static String label(ComponentConfig config) {
        return config.component().kind().label() + " '" + config.component().id() + "'";
    }

    /** @return the class loader of the plugin it came from, the context class loader around every call into it */
    public ClassLoader loader() {
        return config.component().loader();
    }
}
