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
 * @param setupTimeout the bound on creating and setting up each of the group's plugins, apart from {@code timeout}:
 *     a plugin connecting at startup on a busy host may take longer than one tick's call
 * @param fallback what the group does when its measurements keep failing
 */
public record GroupConfig(String name, Duration interval, Duration timeout, CountSchedule min, CountSchedule max,
                          ZoneId zone, ComponentConfig measure, ComponentConfig decide, ComponentConfig scale,
                          List<ComponentConfig> notifiers, NotifyRules rules, Duration setupTimeout,
                          Fallback fallback) {

    /** The default {@link #setupTimeout()}. */
    public static final Duration DEFAULT_SETUP_TIMEOUT = Duration.ofSeconds(30);

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
        Objects.requireNonNull(setupTimeout, "setupTimeout");
        Objects.requireNonNull(fallback, "fallback");
        notifiers = List.copyOf(notifiers);
    }

    /** A group with the default setup timeout and no fallback. */
    public GroupConfig(String name, Duration interval, Duration timeout, CountSchedule min, CountSchedule max,
                       ZoneId zone, ComponentConfig measure, ComponentConfig decide, ComponentConfig scale,
                       List<ComponentConfig> notifiers, NotifyRules rules) {
        this(name, interval, timeout, min, max, zone, measure, decide, scale, notifiers, rules,
                DEFAULT_SETUP_TIMEOUT, Fallback.NONE);
    }
}
