package io.autoscalebot.engine.config;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.engine.notify.NotifyRules;
import io.autoscalebot.engine.settings.DidYouMean;
import io.autoscalebot.engine.settings.DurationText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads one {@code [groups.NAME]} table into a {@link GroupConfig}, recording every error it finds.
 */
final class GroupReader {

    /** Every key a group table may have. */
    static final List<String> KEYS = List.of("interval", "timeout", "min", "max", "timezone", "notify_on",
            "too_rapid_scales", "too_rapid_period", "setup_timeout", "fallback", "measure", "decide", "scale", "notify");

    /** Every key a {@code [groups.NAME.fallback]} table may have. */
    static final List<String> FALLBACK_KEYS = List.of("after", "processes");

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final ComponentReader components;

    GroupReader(ComponentReader components) {
        this.components = components;
    }

    /** @return the group; empty when anything in it is wrong (with errors) */
    Optional<GroupConfig> read(String name, TomlTable group) {
        Problems problems = group.problems();
        int before = problems.count();
        group.rejectUnknownKeys(KEYS);
        Duration interval = positiveDuration(group, "interval").orElse(DEFAULT_INTERVAL);
        Duration timeout = timeout(group, interval);
        ZoneId zone = zone(group);
        CountSchedule min = group.has("min")
                ? CountScheduleReader.read(group, "min").orElse(null)
                : CountSchedule.fixed(1);
        CountSchedule max = group.has("max") ? CountScheduleReader.read(group, "max").orElse(null) : null;
        if (!group.has("max")) {
            problems.add(group.path(), "group '" + name + "' needs max, the most processes it may scale to: add"
                    + " max = 3 (or a time-of-day table) under [" + group.path() + "]");
        }
        if (min != null && max != null) {
            CountScheduleReader.checkMinNotAboveMax(group, min, max);
        }
        NotifyRules rules = rules(group);
        Duration setupTimeout = positiveDuration(group, "setup_timeout").orElse(GroupConfig.DEFAULT_SETUP_TIMEOUT);
        Fallback fallback = group.table("fallback", "[" + group.path().child("fallback") + "] with after = 3")
                .map(GroupReader::fallback).orElse(Fallback.NONE);
        Optional<ComponentConfig> measure = single(name, group, Kind.MEASURE);
        Optional<ComponentConfig> decide = single(name, group, Kind.DECIDE);
        Optional<ComponentConfig> scale = single(name, group, Kind.SCALE);
        List<ComponentConfig> notifiers = notifiers(group, rules.notifyOn());
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new GroupConfig(name, interval, timeout, min, max, zone, measure.orElseThrow(),
                decide.orElseThrow(), scale.orElseThrow(), notifiers, rules, setupTimeout, fallback));
    }

    /** Reads {@code [groups.NAME.fallback]}: {@code after} failed readings in a row, then hold or {@code processes}. */
    private static Fallback fallback(TomlTable table) {
        table.rejectUnknownKeys(FALLBACK_KEYS);
        int after = table.typed("after", SettingType.INTEGER).map(Integer.class::cast).orElse(Fallback.DEFAULT_AFTER);
        if (after < 1) {
            table.error("after", "after must be 1 or more (how many failed measurements in a row engage the "
                    + "fallback), got " + after);
            after = Fallback.DEFAULT_AFTER;
        }
        OptionalInt processes = OptionalInt.empty();
        Optional<Integer> count = table.typed("processes", SettingType.INTEGER).map(Integer.class::cast);
        if (count.isPresent() && count.get() < 0) {
            table.error("processes", "processes must be 0 or more (the count to go up to when measurements keep "
                    + "failing), got " + count.get() + "; leave it out to hold");
        } else if (count.isPresent()) {
            processes = OptionalInt.of(count.get());
        }
        return new Fallback(after, processes);
    }

    private static Duration timeout(TomlTable group, Duration interval) {
        if (!group.has("timeout")) {
            // A short interval brings the default bound down with it rather than failing a file that never set one.
            return DEFAULT_TIMEOUT.compareTo(interval) <= 0 ? DEFAULT_TIMEOUT : interval;
        }
        Duration timeout = positiveDuration(group, "timeout").orElse(DEFAULT_TIMEOUT);
        if (timeout.compareTo(interval) > 0) {
            group.error("timeout", "timeout (" + DurationText.format(timeout) + ") is longer than interval ("
                    + DurationText.format(interval) + "): every plugin call must end before the next tick; make timeout"
                    + " at most the interval");
        }
        return timeout;
    }

    private static Optional<Duration> positiveDuration(TomlTable table, String key) {
        Optional<Duration> duration = table.typed(key, SettingType.DURATION).map(Duration.class::cast);
        if (duration.isPresent() && duration.get().isZero()) {
            table.error(key, key + " must be longer than 0, like \"30s\"");
            return Optional.empty();
        }
        return duration;
    }

    private static ZoneId zone(TomlTable group) {
        Optional<String> name = group.typed("timezone", SettingType.STRING).map(String.class::cast);
        if (name.isEmpty()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name.get());
        } catch (DateTimeException e) {
            group.error("timezone", "unknown time zone '" + name.get() + "' ("
                    + DidYouMean.closest(name.get(), ZoneId.getAvailableZoneIds())
                            .map(best -> "did you mean '" + best + "'?")
                            .orElse("use a region id like \"America/Vancouver\", or \"UTC\"")
                    + ")");
            return ZoneId.of("UTC");
        }
    }

    private static NotifyRules rules(TomlTable group) {
        NotifyRules defaults = NotifyRules.DEFAULTS;
        Set<EventType> notifyOn = EventScheduleReader.list(group, EventScheduleReader.KEY).orElse(defaults.notifyOn());
        int scales = group.typed("too_rapid_scales", SettingType.INTEGER).map(Integer.class::cast)
                .orElse(defaults.tooRapidScales());
        if (scales < 1) {
            group.error("too_rapid_scales", "too_rapid_scales must be 1 or more, got " + scales);
            scales = defaults.tooRapidScales();
        }
        Duration period = positiveDuration(group, "too_rapid_period").orElse(defaults.tooRapidPeriod());
        return new NotifyRules(notifyOn, scales, period);
    }

    private Optional<ComponentConfig> single(String group, TomlTable table, Kind kind) {
        String key = kind.label();
        if (!table.has(key)) {
            table.problems().add(table.path(), "group '" + group + "' has no " + key + ": add a ["
                    + table.path().child(key) + "] table with plugin = \"...\" (" + components.available(kind) + ")");
            return Optional.empty();
        }
        return table.table(key, "[" + table.path().child(key) + "] with plugin = \"...\"")
                .flatMap(component -> components.read(component, kind));
    }

    private List<ComponentConfig> notifiers(TomlTable group, Set<EventType> groupSends) {
        Object raw = group.raw("notify");
        KeyPath path = group.path().child("notify");
        String howToWriteIt = "write [[" + path + "]] with plugin = \"...\", once per notifier";
        if (raw != null && !(raw instanceof Map) && !(raw instanceof List)) {
            group.error("notify", "notify must be tables: " + howToWriteIt);
            return List.of();
        }
        // [groups.web.notify] (one table) is accepted as well as [[groups.web.notify]] (an array of them).
        List<?> entries = raw == null ? List.of() : raw instanceof Map ? List.of(raw) : (List<?>) raw;
        List<ComponentConfig> notifiers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            KeyPath at = raw instanceof List ? path.index(i) : path;
            Optional<TomlTable> table = group.asTable(entries.get(i), at);
            if (table.isEmpty()) {
                group.problems().add(at, "each notify entry must be a table: " + howToWriteIt);
            }
            table.flatMap(t -> components.read(t, Kind.NOTIFY)
                    .filter(notifier -> EventScheduleReader.checkWithinGroup(t, notifier.events(), groupSends)))
                    .ifPresent(notifiers::add);
        }
        return notifiers;
    }
}
