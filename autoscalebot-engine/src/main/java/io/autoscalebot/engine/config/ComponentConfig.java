package io.autoscalebot.engine.config;

import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.plugin.Component;
import java.util.Objects;

/**
 * One configured component of a group: which plugin, with which validated settings.
 *
 * @param component the loaded component named by {@code plugin = "..."}
 * @param settings its settings, validated against its declaration, defaults applied, {@code ${ENV}} resolved
 * @param where {@code FILE:LINE:COL} of the table that configures it, for later messages
 */
public record ComponentConfig(Component component, Settings settings, String where) {

    /** Checks the parts. */
    public ComponentConfig {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(where, "where");
    }
}
