package io.autoscalebot.engine.notify;

import io.autoscalebot.api.notify.EventType;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which events one notifier is told, possibly by time of day: a notifier's {@code notify_on}, a list or a table like
 * {@code { "0:00" = [], "8:00" = ["ABOVE_MAX"], "18:00" = [] }} read in the group's zone. It works like a group's
 * {@code min}/{@code max} table: the entry in force is the latest at or before the time of day, and before the first
 * entry the last one of the previous day is, so a table wraps past midnight. It narrows the group's {@code notify_on};
 * it never adds to it.
 *
 * @param table events by the time of day from which they are sent; one entry at midnight for a plain list
 */
public record EventSchedule(NavigableMap<LocalTime, Set<EventType>> table) {

    /** A notifier without its own {@code notify_on}: told everything the group sends, at any hour. */
    public static final EventSchedule ALWAYS = fixed(EnumSet.allOf(EventType.class));

    /** Checks and copies the table. */
    public EventSchedule {
        Objects.requireNonNull(table, "table");
        if (table.isEmpty()) {
            throw new IllegalArgumentException("an event schedule needs at least one entry");
        }
        TreeMap<LocalTime, Set<EventType>> copy = new TreeMap<>();
        table.forEach((time, events) -> copy.put(time, events.isEmpty() ? Set.of() : Set.copyOf(events)));
        table = Collections.unmodifiableNavigableMap(copy);
    }

    /** @return a schedule that always sends {@code events} */
    public static EventSchedule fixed(Set<EventType> events) {
        return new EventSchedule(new TreeMap<>(Map.of(LocalTime.MIDNIGHT, events)));
    }

    /** @return whether an event of that type at that moment (already in the group's zone) is sent */
    public boolean allows(EventType type, ZonedDateTime time) {
        Map.Entry<LocalTime, Set<EventType>> entry = table.floorEntry(time.toLocalTime());
        return (entry != null ? entry : table.lastEntry()).getValue().contains(type);
    }

    /** @return every event type the schedule sends at some time of day */
    public Set<EventType> ever() {
        EnumSet<EventType> ever = EnumSet.noneOf(EventType.class);
        table.values().forEach(ever::addAll);
        return ever;
    }
}
