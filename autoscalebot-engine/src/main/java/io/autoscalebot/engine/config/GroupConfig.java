package io.autoscalebot.engine.config;

import io.autoscalebot.engine.notify.NotifyRules;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One process group, validated: {@code [groups.NAME]} in {@code autoscale.toml}.
 *
 * @param name the group's name ({@code web})
 * @param interval time between ticks
 * @param timeout the bound on every plugin call for this group
 * @param min the fewest processes, possibly by time of day
 * @param max the most processes, possibly by time of day
 * @param zone the zone time-of-day tables are read in
 * @param measure the measure component
 * @param decide the decide component
 * @param scale the scale component
 * @param notifiers the notify components, possibly none
 * @param rules which events are notified, and the too-rapid window
 */
public record GroupConfig(String name, Duration interval, Duration timeout, CountSchedule min, CountSchedule max,
                          ZoneId zone, ComponentConfig measure, ComponentConfig decide, ComponentConfig scale,
                          List<ComponentConfig> notifiers, NotifyRules rules) {

    /** Checks the parts. */
    public GroupConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(decide, "decide");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(rules, "rules");
        notifiers = List.copyOf(notifiers);
    }
}
