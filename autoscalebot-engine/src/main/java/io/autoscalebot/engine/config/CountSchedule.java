package io.autoscalebot.engine.config;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A group's min or max: one number, or a time-of-day table ({@code { "0:00" = 1, "8:00" = 3, "18:00" = 1 }}) read in
 * the group's time zone. The entry in force is the latest one at or before the time of day; before the first entry the
 * last one of the previous day is in force, so a table wraps past midnight.
 *
 * @param table count by the time of day from which it applies; one entry at midnight for a plain number
 */
public record CountSchedule(NavigableMap<LocalTime, Integer> table) {

    /** Checks and copies the table. */
    public CountSchedule {
        Objects.requireNonNull(table, "table");
        if (table.isEmpty()) {
            throw new IllegalArgumentException("a count schedule needs at least one entry");
        }
        table.values().forEach(v -> {
            if (v < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got " + v);
            }
        });
        table = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(table));
    }

    /** @return a schedule that is always {@code count} */
    public static CountSchedule fixed(int count) {
        return new CountSchedule(new TreeMap<>(Map.of(LocalTime.MIDNIGHT, count)));
    }

    /** @return the count in force at that moment (already in the group's zone) */
    public int at(ZonedDateTime time) {
        return at(time.toLocalTime());
    }

    /** @return the count in force at that time of day */
    public int at(LocalTime time) {
        Map.Entry<LocalTime, Integer> entry = table.floorEntry(time);
        return (entry != null ? entry : table.lastEntry()).getValue();
    }

    /** @return the smallest count the table ever gives */
    public int lowest() {
        return table.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    /** @return the largest count the table ever gives */
    public int highest() {
        return table.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
