package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.config.CountSchedule;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A min or max as it stands at one moment, with the table entry it comes from, so clamping can say why:
 * {@code min is 3 from 08:00}.
 *
 * @param name {@code min} or {@code max}
 * @param value the count in force
 * @param since the time of day the entry starts, for a time-of-day table; empty for a plain number
 */
record Bound(String name, int value, Optional<LocalTime> since) {

    // The plain-number bounds of usual sizes, made once: DecisionStep asks for two on every tick, and a simulation
    // makes hundreds of thousands. Immutable records, so a race only makes one twice.
    private static final int CACHED = 256;
    private static final Bound[] PLAIN_MIN = new Bound[CACHED];
    private static final Bound[] PLAIN_MAX = new Bound[CACHED];

    /** @param time the moment in the group's zone; may be null when the schedule is a plain number */
    static Bound of(String name, CountSchedule schedule, ZonedDateTime time) {
        if (schedule.table().size() == 1) {
            // firstKey and get, not firstEntry: no entry objects made on every tick.
            return plain(name, schedule.table().get(schedule.table().firstKey()));
        }
        Map.Entry<LocalTime, Integer> entry = schedule.table().floorEntry(time.toLocalTime());
        LocalTime since = (entry != null ? entry : schedule.table().lastEntry()).getKey();
        return new Bound(name, schedule.at(time), Optional.of(since));
    }

    private static Bound plain(String name, int value) {
        Bound[] cache = "min".equals(name) ? PLAIN_MIN : "max".equals(name) ? PLAIN_MAX : null;
        if (cache == null || value < 0 || value >= CACHED) {
            return new Bound(name, value, Optional.empty());
        }
        Bound bound = cache[value];
        if (bound == null) {
            bound = new Bound(name, value, Optional.empty());
            cache[value] = bound;
        }
        return bound;
    }

    /** @return {@code min is 3 from 08:00}, or {@code max is 4} for a plain number */
    String describe() {
        return name + " is " + value + since.map(t -> " from " + t).orElse("");
    }
}
