package io.autoscalebot.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses TOML text into plain values: tables as {@code Map<String, Object>} in file order, arrays as {@code List},
 * strings (dates and times too), {@code Long} or {@code BigInteger} integers, {@code Double} floats, {@code Boolean}.
 * Those are the raw types {@link io.autoscalebot.api.settings.SettingType#coerce} expects.
 */
final class TomlDocument {

    private static final TomlMapper MAPPER = new TomlMapper();

    private TomlDocument() {
    }

    /**
     * @param file the file the text came from, for the error
     * @param text the text
     * @return the root table
     * @throws ConfigException for a syntax error, at the position the parser gives
     */
    static Map<String, Object> parse(Path file, String text) throws ConfigException {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) plain(MAPPER.readTree(text));
            return root;
        } catch (JsonProcessingException e) {
            // Jackson places a duplicate key after its second value, often on the next line; point at the key instead.
            boolean duplicateKey = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate key");
            Optional<TomlLocator.Duplicate> duplicate = duplicateKey
                    ? TomlLocator.scan(text).firstDuplicate()
                    : Optional.empty();
            if (duplicate.isPresent()) {
                throw duplicateKey(file, duplicate.get());
            }
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            throw new ConfigException(List.of(new ConfigError(file, line, column,
                    "invalid TOML: " + e.getOriginalMessage() + " (see https://toml.io for the syntax)")));
        }
    }

    private static ConfigException duplicateKey(Path file, TomlLocator.Duplicate duplicate) {
        return new ConfigException(List.of(new ConfigError(file, duplicate.at().line(), duplicate.at().column(),
                "invalid TOML: " + duplicate.path() + " is set twice (first at line " + duplicate.first().line()
                        + "): keep one of them")));
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> table = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> table.put(field.getKey(), plain(field.getValue())));
            return table;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
