package io.autoscalebot.engine.settings;

import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Settings} that {@link SettingsResolver#resolve} builds. Immutable. */
final class ResolvedSettings implements Settings {

    private final List<Setting> schema;
    private final Map<String, Object> values;

    ResolvedSettings(List<Setting> schema, Map<String, Object> values) {
        this.schema = List.copyOf(schema);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
