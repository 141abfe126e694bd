package io.autoscalebot.engine.config;

import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.notify.EventSchedule;
import io.autoscalebot.engine.plugin.Component;
import java.util.Objects;

/**
 * One configured component of a group: which plugin, with which validated settings.
 *
 * @param component the loaded component named by {@code plugin = "..."}
 * @param settings its settings, validated against its declaration, defaults applied, {@code ${ENV}} resolved
 * @param where {@code FILE:LINE:COL} of the table that configures it, for later messages
 * @param events for a notifier, which of the group's events it is told and when (its {@code notify_on});
 *     {@link EventSchedule#ALWAYS} otherwise
 */
public record ComponentConfig(Component component, Settings settings, String where, EventSchedule events) {

    /** Checks the parts. */
    public ComponentConfig {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(events, "events");
    }

    /** A component told every event: any measure, decide or scale, and a notifier without its own notify_on. */
    public ComponentConfig(Component component, Settings settings, String where) {
        this(component, settings, where, EventSchedule.ALWAYS);
    }

    /**
     * @return true when {@code other} is the same loaded component (provider, plugin, version) with the same values,
     *     secrets included, and the same notifier schedule; where in the file it was written does not count, so a
     *     table that only moved is the same
     */
    public boolean runsLike(ComponentConfig other) {
        return component.equals(other.component) && settings.values().equals(other.settings.values())
                && events.equals(other.events);
    }

    /** @return this component with that notifier schedule */
    public ComponentConfig withEvents(EventSchedule schedule) {
        return new ComponentConfig(component, settings, where, schedule);
    }
}
