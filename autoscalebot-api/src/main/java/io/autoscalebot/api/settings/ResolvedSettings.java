package io.autoscalebot.api.settings;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Settings} that {@link Settings#resolve} builds. Immutable. */
final class ResolvedSettings implements Settings {

    private final List<Setting> schema;
    private final Map<String, Object> values;

    private ResolvedSettings(List<Setting> schema, Map<String, Object> values) {
        this.schema = List.copyOf(schema);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Validates raw values against a schema and applies defaults.
     *
     * @param schema the declared settings
     * @param raw the values as read from configuration, by key
     * @return the settings
     * @throws SettingsException listing every problem: unknown keys (with a suggestion), wrong types, missing required
     *     settings, values out of range
     */
    static Settings resolve(List<Setting> schema, Map<String, ?> raw) throws SettingsException {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting setting : schema) {
            byName.put(setting.name(), setting);
        }
        List<SettingProblem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            Setting setting = byName.get(entry.getKey());
            if (setting == null) {
                problems.add(new SettingProblem(entry.getKey(), unknownMessage(entry.getKey(), byName.keySet())));
                continue;
            }
            try {
                values.put(setting.name(), setting.resolve(entry.getValue()));
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
     * The message for a key that is not declared, with the closest declared name when one is close.
     *
     * @param key the unknown key
     * @param known the declared names
     * @return {@code unknown setting 'urll' (did you mean 'url'?)} or the list of known settings
     */
    static String unknownMessage(String key, java.util.Collection<String> known) {
        Optional<String> best = closest(key, known);
        if (best.isPresent()) {
            return "unknown setting '" + key + "' (did you mean '" + best.get() + "'?)";
        }
        return "unknown setting '" + key + "'" + (known.isEmpty()
                ? " (this component takes no settings)"
                : " (known settings: " + String.join(", ", known) + ")");
    }

    /**
     * The known name a user probably meant, for "did you mean" hints: the closest by edit distance, ignoring case,
     * when it is within a typo's reach (2 edits, or a third of the name's length for long names). The engine uses the
     * same rule for plugin ids, event names and time zones, so every hint feels alike.
     *
     * @param typed what the user wrote
     * @param known the names that exist
     * @return the closest known name, if it is close enough
     */
    static Optional<String> closest(String typed, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        for (String candidate : known) {
            int distance = editDistance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** @return the declared schema these settings were resolved against */
    @Override
    public List<Setting> schema() {
        return schema;
    }

    /** @return whether the setting has a value (set by the user, or a default) */
    @Override
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @return the value of a string setting; throws if it has none */
    @Override
    public String string(String name) {
        return get(name, String.class);
    }

    /** @return the value of a string setting, if it has one */
    @Override
    public Optional<String> optionalString(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    /** @return the value of an integer setting; throws if it has none */
    @Override
    public int integer(String name) {
        return get(name, Integer.class);
    }

    /** @return the value of a number setting; throws if it has none */
    @Override
    public double number(String name) {
        return get(name, Double.class);
    }

    /** @return the value of a boolean setting; throws if it has none */
    @Override
    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    /** @return the value of a duration setting; throws if it has none */
    @Override
    public Duration duration(String name) {
        return get(name, Duration.class);
    }

    /** @return the value of a URI setting; throws if it has none */
    @Override
    public URI uri(String name) {
        return get(name, URI.class);
    }

    /** @return the value of a URI setting, if it has one */
    @Override
    public Optional<URI> optionalUri(String name) {
        return Optional.ofNullable((URI) values.get(name));
    }

    /** @return the value of a list setting; throws if it has none */
    @Override
    @SuppressWarnings("unchecked")
    public List<String> stringList(String name) {
        return (List<String>) get(name, List.class);
    }

    /** @return the value of a list-of-integers setting; throws if it has none */
    @Override
    @SuppressWarnings("unchecked")
    public List<Integer> integerList(String name) {
        return (List<Integer>) get(name, List.class);
    }

    /** @return every value by name, secrets included: never log this map */
    @Override
    public Map<String, Object> values() {
        return values;
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            boolean declared = schema.stream().anyMatch(s -> s.name().equals(name));
            throw new IllegalStateException(declared
                    ? "setting '" + name + "' has no value and no default; check has(\"" + name + "\") first"
                    : "setting '" + name + "' is not declared in this component's schema");
        }
        return type.cast(value);
    }

    /** Shows values with every secret as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Settings{");
        String separator = "";
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            boolean secret = schema.stream().anyMatch(s -> s.name().equals(entry.getKey()) && s.secret());
            text.append(separator).append(entry.getKey()).append('=').append(secret ? "****" : entry.getValue());
            separator = ", ";
        }
        return text.append('}').toString();
    }
}
