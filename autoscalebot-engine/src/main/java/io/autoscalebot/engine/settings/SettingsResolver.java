package io.autoscalebot.engine.settings;

import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a component's raw configuration values against its declared settings: unknown keys refused with a hint,
 * each value converted to its type and checked against its choices and bounds, required settings demanded, defaults
 * applied. The one place a plugin's {@link Settings} are made, for a run and for the plugin testkit alike.
 */
public final class SettingsResolver {

    private SettingsResolver() {
    }

    /**
     * @param schema the declared settings
     * @param raw the values as read from configuration, by key
     * @return the settings
     * @throws SettingsException listing every problem: unknown keys (with a suggestion), wrong types, values outside
     *     their choices or bounds, missing required settings
     */
    public static Settings resolve(List<Setting> schema, Map<String, ?> raw) throws SettingsException {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting setting : schema) {
            byName.put(setting.name(), setting);
        }
        List<SettingProblem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            Setting setting = byName.get(entry.getKey());
            if (setting == null) {
                problems.add(new SettingProblem(entry.getKey(), DidYouMean.unknownSetting(entry.getKey(),
                        byName.keySet())));
                continue;
            }
            try {
                values.put(setting.name(), value(setting, entry.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add(new SettingProblem(entry.getKey(), "setting '" + setting.name() + "' " + e.getMessage()));
            }
        }
        for (Setting setting : schema) {
            if (values.containsKey(setting.name()) || raw.containsKey(setting.name())) {
                continue;
            }
            if (setting.required()) {
                problems.add(new SettingProblem(setting.name(), "missing required setting '" + setting.name() + "' ("
                        + setting.type().label() + "): " + setting.doc()));
            } else if (setting.defaultValue() != null) {
                values.put(setting.name(), setting.defaultValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new ResolvedSettings(schema, values);
    }

    /**
     * Converts and checks one raw value.
     *
     * @param setting its declaration
     * @param raw the value as read from configuration
     * @return the typed value
     * @throws IllegalArgumentException with a message for the user, which never contains a secret value
     */
    public static Object value(Setting setting, Object raw) {
        boolean secret = setting.secret();
        Object value;
        try {
            value = SettingValues.coerce(setting.type(), raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(secret ? "expected " + setting.type().label() + ", got another type"
                    : e.getMessage());
        }
        if (!setting.choices().isEmpty() && !setting.choices().contains(value)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", setting.choices())
                    + (secret ? "" : ", got \"" + value + "\""));
        }
        boolean list = setting.type() == SettingType.INTEGER_LIST;
        List<?> items = list ? (List<?>) value : List.of(value);
        for (int index = 0; index < items.size(); index++) {
            String problem = outOfBounds(setting, items.get(index));
            if (problem != null) {
                // A list's bounds apply to each item: say which one is out.
                throw new IllegalArgumentException(list ? "item " + (index + 1) + " " + problem : problem);
            }
        }
        return value;
    }

    /** @return why the value is out of the setting's bounds ({@code must be at least 1, got 0}), or null */
    private static String outOfBounds(Setting setting, Object value) {
        String shown = setting.secret() ? "" : ", got " + text(value);
        if (setting.minimum().isPresent() && compare(value, setting.minimum().get()) < 0) {
            return "must be at least " + text(setting.minimum().get()) + shown;
        }
        if (setting.maximum().isPresent() && compare(value, setting.maximum().get()) > 0) {
            return "must be at most " + text(setting.maximum().get()) + shown;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object value, Object bound) {
        if (value instanceof Number a && bound instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return ((Comparable<Object>) value).compareTo(bound);
    }

    /**
     * @return a value or bound as a user writes it: {@code 1}, {@code 0.5}, {@code 30s}; for messages and docs
     */
    public static String text(Object value) {
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value instanceof Duration duration ? DurationText.format(duration) : String.valueOf(value);
    }
}
