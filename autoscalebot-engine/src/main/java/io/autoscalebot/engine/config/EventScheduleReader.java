package io.autoscalebot.engine.config;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.engine.notify.EventSchedule;
import io.autoscalebot.engine.settings.DidYouMean;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a {@code notify_on}: a list of event names, or (in a notifier's table) a time-of-day table of such lists like
 * {@code { "0:00" = [], "8:00" = ["ABOVE_MAX"], "18:00" = [] }}, written the way a group's {@code min}/{@code max}
 * tables are.
 */
final class EventScheduleReader {

    /** The key, in a group and in a notifier's table. */
    static final String KEY = "notify_on";

    private static final String TABLE_EXAMPLE = "{ \"0:00\" = [], \"8:00\" = [\"ABOVE_MAX\"], \"18:00\" = [] }";
    private static final List<String> KNOWN = Arrays.stream(EventType.values()).map(Enum::name)
            .collect(Collectors.toList());

    private EventScheduleReader() {
    }

    /** @return the events of a plain list at that key; empty when absent or wrong (with errors) */
    static Optional<Set<EventType>> list(TomlTable table, String key) {
        return table.typed(key, SettingType.STRING_LIST).map(names -> events(table, key, (List<?>) names));
    }

    /** @return a notifier's schedule: a list or a time-of-day table; empty when wrong (with errors) */
    static Optional<EventSchedule> schedule(TomlTable notifier) {
        if (!notifier.has(KEY)) {
            return Optional.of(EventSchedule.ALWAYS);
        }
        int before = notifier.problems().count();
        if (!(notifier.raw(KEY) instanceof Map)) {
            Optional<EventSchedule> fixed = notifier.typed(KEY, SettingType.STRING_LIST, KEY,
                    " (or a time-of-day table like " + TABLE_EXAMPLE + ")")
                    .map(names -> EventSchedule.fixed(events(notifier, KEY, (List<?>) names)));
            return notifier.problems().count() > before ? Optional.empty() : fixed;
        }
        Optional<TomlTable> table = notifier.table(KEY, TABLE_EXAMPLE);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        TomlTable times = table.get();
        return CountScheduleReader.timeTable(KEY, times, TABLE_EXAMPLE, (key, label) -> times.typed(key,
                SettingType.STRING_LIST, label, " (a list of event names, [] for none)")
                .map(names -> events(times, key, (List<?>) names))).map(EventSchedule::new);
    }

    /**
     * Records an error at the notifier's {@code notify_on} for each event it names that the group never sends: a
     * notifier's rules only narrow the group's.
     *
     * @return whether it names none
     */
    static boolean checkWithinGroup(TomlTable notifier, EventSchedule schedule, Set<EventType> groupSends) {
        EnumSet<EventType> never = EnumSet.noneOf(EventType.class);
        never.addAll(schedule.ever());
        never.removeAll(groupSends);
        if (schedule != EventSchedule.ALWAYS && !never.isEmpty()) {
            String names = never.stream().map(Enum::name).collect(Collectors.joining(", "));
            notifier.error(KEY, "this notifier's notify_on names " + names + ", which the group never sends: add "
                    + (never.size() == 1 ? "it" : "them") + " to the group's notify_on too (a notifier's notify_on"
                    + " only narrows the group's)");
            return false;
        }
        return true;
    }

    private static Set<EventType> events(TomlTable table, String key, List<?> names) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        KeyPath list = table.path().child(key);
        for (int i = 0; i < names.size(); i++) {
            String name = String.valueOf(names.get(i));
            String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (KNOWN.contains(normal)) {
                events.add(EventType.valueOf(normal));
            } else {
                table.problems().add(list.index(i), "unknown event '" + name + "' in notify_on ("
                        + DidYouMean.closest(normal, KNOWN).map(best -> "did you mean '" + best + "'? ").orElse("")
                        + "events: " + String.join(", ", KNOWN) + ")");
            }
        }
        return events;
    }
}
