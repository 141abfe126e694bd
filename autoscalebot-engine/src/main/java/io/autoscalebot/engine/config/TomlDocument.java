package io.autoscalebot.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses TOML text into plain values: tables as {@code Map<String, Object>} in file order, arrays as {@code List},
 * strings (dates and times too), {@code Long} or {@code BigInteger} integers, {@code Double} floats, {@code Boolean}.
 * Those are the raw types {@link io.autoscalebot.api.settings.SettingType#coerce} expects.
 */
final class TomlDocument {

    /**
     * A parsed document and where each of its keys is written.
     *
     * @param root the root table
     * @param locator the positions of its keys
     */
    record Parsed(Map<String, Object> root, TomlLocator locator) {
    }

    private static final TomlMapper MAPPER = new TomlMapper();
    private static final StreamReadConstraints LIMITS = MAPPER.getFactory().streamReadConstraints();
    /** A decimal integer as TOML writes one: Jackson misreads some of 19 digits and more (see {@link #plain}). */
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?[0-9](_?[0-9])*");
    /** Jackson's own messages can quote a whole value (a 2,000-digit number): enough to recognise it. */
    private static final int LONGEST_QUOTE = 120;

    private TomlDocument() {
    }

    /**
     * @param file the file the text came from, for the error
     * @param text the text
     * @return the root table and its keys' positions
     * @throws ConfigException for a syntax error, where it is and what it is
     */
    static Parsed parse(Path file, String text) throws ConfigException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, text, e);
        }
        TomlLocator locator = TomlLocator.scan(text);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) plain(tree, KeyPath.ROOT, locator);
        return new Parsed(root, locator);
    }

    private static ConfigException syntaxError(Path file, String text, JsonProcessingException e) {
        String problem = String.valueOf(e.getOriginalMessage());
        if (problem.startsWith("Duplicate key")) {
            // Jackson places a duplicate key after its second value, often on the next line; point at the key.
            Optional<TomlLocator.Duplicate> duplicate = TomlLocator.scan(text).firstDuplicate();
            if (duplicate.isPresent()) {
                return error(file, duplicate.get().at(), duplicate.get().path() + " is set twice (first at line "
                        + duplicate.get().first().line() + "): keep one of them");
            }
        }
        if (problem.startsWith("Table redefined")) {
            Optional<TomlLocator.Duplicate> table = TomlLocator.scan(text).firstRedefinedTable();
            if (table.isPresent()) {
                return error(file, table.get().at(), "table [" + table.get().path() + "] is already defined at line "
                        + table.get().first().line() + ": put all its keys under one [" + table.get().path()
                        + "] header");
            }
        }
        TomlSyntax syntax = TomlSyntax.scan(text, LIMITS.getMaxNestingDepth(), LIMITS.getMaxStringLength());
        Optional<TomlSyntax.Finding> finding = e instanceof StreamConstraintsException
                ? syntax.tooDeep().or(syntax::tooLong)
                : syntax.unclosedString().filter(string -> before(string, e.getLocation()));
        if (finding.isPresent()) {
            return error(file, finding.get().line(), finding.get().column(), finding.get().message());
        }
        JsonLocation at = e.getLocation();
        String shown = problem.length() > LONGEST_QUOTE ? problem.substring(0, LONGEST_QUOTE) + "..." : problem;
        return error(file, at == null ? 0 : Math.max(at.getLineNr(), 0), at == null ? 0 : Math.max(at.getColumnNr(), 0),
                shown + " (see https://toml.io for the syntax)");
    }

    /** @return whether the string opens no later than where the parser stopped (it stops at or after the cause) */
    private static boolean before(TomlSyntax.Finding string, JsonLocation stopped) {
        return stopped == null || stopped.getLineNr() <= 0 || string.line() < stopped.getLineNr()
                || string.line() == stopped.getLineNr() && string.column() <= stopped.getColumnNr();
    }

    private static ConfigException error(Path file, TomlLocator.Position at, String message) {
        return error(file, at.line(), at.column(), message);
    }

    private static ConfigException error(Path file, int line, int column, String message) {
        return new ConfigException(List.of(new ConfigError(file, line, column, "invalid TOML: " + message)));
    }

    private static Object plain(JsonNode node, KeyPath path, TomlLocator locator) {
        if (node.isObject()) {
            Map<String, Object> table = new LinkedHashMap<>();
            node.fields().forEachRemaining(field ->
                    table.put(field.getKey(), plain(field.getValue(), path.child(field.getKey()), locator)));
            return table;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            int index = 0;
            for (JsonNode item : node) {
                items.add(plain(item, path.index(index++), locator));
            }
            return items;
        }
        if (node.isIntegralNumber()) {
            // jackson-dataformat-toml 2.20 misreads long decimals: 1234567890123456789 gives 123456789 and
            // -9223372036854775809 loses its sign. The number as written is read again, exactly.
            Optional<Object> written = locator.literal(path).filter(text -> DECIMAL_INTEGER.matcher(text).matches())
                    .map(TomlDocument::exactInteger);
            return written.orElseGet(() -> node.isBigInteger() ? node.bigIntegerValue() : node.longValue());
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** @return the decimal integer as a {@code Long}, or a {@code BigInteger} when it does not fit one */
    private static Object exactInteger(String text) {
        BigInteger value = new BigInteger(text.replace("_", ""));
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }
}
