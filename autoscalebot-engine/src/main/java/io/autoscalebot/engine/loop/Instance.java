package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.context.InstanceContext;

/**
 * One created plugin instance of a group, with the configuration it came from.
 *
 * @param plugin the instance
 * @param config its component and settings
 * @param context the context it was created with, whose deadline every call sets
 * @param <T> its kind's interface
 */
record Instance<T extends Plugin>(T plugin, ComponentConfig config, InstanceContext context) {

    /** @return {@code measure 'response-time'}, for messages */
    String label() {
        return label(config);
    }

    static String label(ComponentConfig config) {
        return config.component().kind().label() + " '" + config.component().id() + "'";
    }

    ClassLoader loader() {
        return config.component().loader();
    }
}
