package io.autoscalebot.engine.config;

import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.engine.settings.DidYouMean;
import io.autoscalebot.engine.settings.SettingValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table of the parsed file with where it is, giving its values with {@code ${ENV}} expanded and types checked, and
 * recording an error at the right key for anything wrong.
 */
final class TomlTable {

    private final Map<String, Object> values;
    private final KeyPath path;
    private final Problems problems;
    private final EnvInterpolator env;

    TomlTable(Map<String, Object> values, KeyPath path, Problems problems, EnvInterpolator env) {
        this.values = values;
        this.path = path;
        this.problems = problems;
        this.env = env;
    }

    /** @return where this table is */
    KeyPath path() {
        return path;
    }

    /** @return the errors of the file this table is in */
    Problems problems() {
        return problems;
    }

    /** @return the keys, in file order */
    Collection<String> keys() {
        return values.keySet();
    }

    /** @return whether the key is set */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Records an error at the key, or at this table when the key is not written. */
    void error(String key, String message) {
        problems.add(path.child(key), message);
    }

    /** Records an error for every key not in {@code known}, suggesting the closest known one. */
    void rejectUnknownKeys(Collection<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                error(key, DidYouMean.unknownSetting(key, known));
            }
        }
    }

    /**
     * @return the table at that key; empty (with an error) when it is something else, empty (silently) when absent
     */
    Optional<TomlTable> table(String key, String howToWriteIt) {
        Object raw = values.get(key);
        if (raw == null) {
            return Optional.empty();
        }
        Optional<TomlTable> table = asTable(raw, path.child(key));
        if (table.isEmpty()) {
            error(key, "'" + key + "' must be a table, like " + howToWriteIt);
        }
        return table;
    }

    /** @return the value at that path as a table, if it is one */
    Optional<TomlTable> asTable(Object raw, KeyPath at) {
        if (!(raw instanceof Map)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) raw;
        return Optional.of(new TomlTable(map, at, problems, env));
    }

    /** @return the raw value, before {@code ${ENV}} expansion, or null */
    Object raw(String key) {
        return values.get(key);
    }

    /**
     * @return the value converted to the type, {@code ${ENV}} expanded; empty when absent, or when wrong (with an error
     *     saying what was expected)
     */
    Optional<Object> typed(String key, SettingType type) {
        return typed(key, type, key, "");
    }

    /**
     * @return as {@link #typed(String, SettingType)}, naming the value {@code label} in the message for a value of the
     *     wrong type, followed by {@code hint}
     */
    Optional<Object> typed(String key, SettingType type, String label, String hint) {
        if (!values.containsKey(key)) {
            return Optional.empty();
        }
        Object value = expanded(key, type);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SettingValues.coerce(type, value));
        } catch (IllegalArgumentException e) {
            error(key, label + ": " + e.getMessage() + hint);
            return Optional.empty();
        }
    }

    /**
     * @return the value with {@code ${ENV}} expanded in every string inside it, a variable's text read as {@code type}
     *     when the whole value is one string; null when a reference cannot be expanded (with an error at it)
     */
    Object expanded(String key, SettingType type) {
        Object raw = values.get(key);
        Object value = expandAll(raw, path.child(key));
        return raw instanceof String && value != null && EnvInterpolator.refersToVariable((String) raw)
                ? EnvInterpolator.asType((String) value, type)
                : value;
    }

    private Object expandAll(Object raw, KeyPath at) {
        if (raw instanceof String) {
            try {
                return env.expand((String) raw);
            } catch (IllegalArgumentException e) {
                problems.add(at, e.getMessage());
                return null;
            }
        }
        if (raw instanceof List) {
            List<Object> items = new ArrayList<>();
            int index = 0;
            for (Object item : (List<?>) raw) {
                items.add(expandAll(item, at.index(index++)));
            }
            return items.contains(null) ? null : items;
        }
        if (raw instanceof Map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) raw).entrySet()) {
                String name = String.valueOf(entry.getKey());
                entries.put(name, expandAll(entry.getValue(), at.child(name)));
            }
            return entries.containsValue(null) ? null : entries;
        }
        return raw;
    }
}
