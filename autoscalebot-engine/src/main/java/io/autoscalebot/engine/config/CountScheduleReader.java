package io.autoscalebot.engine.config;

import io.autoscalebot.api.settings.SettingType;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a group's {@code min} or {@code max}: a number, or a time-of-day table like
 * {@code { "0:00" = 1, "8:00" = 3, "18:00" = 1 }}; and checks that min never exceeds max.
 */
final class CountScheduleReader {

    /** How users write a time of day, and how messages show one. */
    static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm");

    private static final Pattern TIME_KEY = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final String TABLE_EXAMPLE = "{ \"0:00\" = 1, \"8:00\" = 3, \"18:00\" = 1 }";

    private CountScheduleReader() {
    }

    /** @return the schedule at that key of the group; empty when absent or wrong (with errors) */
    static Optional<CountSchedule> read(TomlTable group, String key) {
        if (group.raw(key) instanceof Map) {
            return group.table(key, TABLE_EXAMPLE).flatMap(table -> readTable(key, table));
        }
        return count(group, key, key, " (or a time-of-day table like " + TABLE_EXAMPLE + ")")
                .map(CountSchedule::fixed);
    }

    /** Records an error at {@code min} if at any time of day min is greater than max. */
    static void checkMinNotAboveMax(TomlTable group, CountSchedule min, CountSchedule max) {
        TreeSet<LocalTime> changes = new TreeSet<>(min.table().keySet());
        changes.addAll(max.table().keySet());
        boolean timed = changes.size() > 1 || !changes.first().equals(LocalTime.MIDNIGHT);
        for (LocalTime time : changes) {
            if (min.at(time) > max.at(time)) {
                group.error("min", "min (" + min.at(time) + ") is greater than max (" + max.at(time) + ")"
                        + (timed ? " from " + TIME_OF_DAY.format(time) : "")
                        + ": lower min or raise max so that min <= max at every time of day");
                return;
            }
        }
    }

    private static Optional<CountSchedule> readTable(String name, TomlTable table) {
        return timeTable(name, table, TABLE_EXAMPLE, (key, label) -> count(table, key, label, ""))
                .map(CountSchedule::new);
    }

    /**
     * Reads a time-of-day table ({@code min}, {@code max}, a notifier's {@code notify_on}): every key a time of day
     * written once, every value read by {@code value}, at least one entry.
     *
     * @param value reads the value at a key, given the key and a label for messages; empty when wrong (with an error)
     * @return the values by time of day; empty when anything is wrong (with errors)
     */
    static <V> Optional<TreeMap<LocalTime, V>> timeTable(String name, TomlTable table, String example,
                                                         BiFunction<String, String, Optional<V>> value) {
        int before = table.problems().count();
        TreeMap<LocalTime, V> values = new TreeMap<>();
        Map<LocalTime, String> written = new TreeMap<>();
        for (String key : table.keys()) {
            Optional<LocalTime> time = timeOfDay(name, key, table);
            Optional<V> read = value.apply(key, name + " at " + key);
            if (time.isEmpty() || read.isEmpty()) {
                continue;
            }
            String earlier = written.putIfAbsent(time.get(), key);
            if (earlier != null) {
                table.error(key, name + ": \"" + key + "\" is the same time of day as \"" + earlier
                        + "\": keep one of them");
            }
            values.put(time.get(), read.get());
        }
        if (table.keys().isEmpty()) {
            table.problems().add(table.path(), name + ": the time-of-day table is empty: give at least one entry, like "
                    + example);
        }
        return table.problems().count() > before ? Optional.empty() : Optional.of(values);
    }

    /** @return the time of day a table's key names; empty when it is not H:MM (with an error at the key) */
    static Optional<LocalTime> timeOfDay(String name, String key, TomlTable table) {
        Matcher matcher = TIME_KEY.matcher(key);
        if (!matcher.matches()) {
            table.error(key, name + ": bad time of day \"" + key + "\": write H:MM from 0:00 to 23:59, like \"8:00\"");
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    private static Optional<Integer> count(TomlTable table, String key, String label, String hint) {
        Optional<Integer> count = table.typed(key, SettingType.INTEGER, label, hint).map(Integer.class::cast);
        if (count.isPresent() && count.get() < 0) {
            table.error(key, label + " must be 0 or more, got " + count.get());
            return Optional.empty();
        }
        return count;
    }
}
