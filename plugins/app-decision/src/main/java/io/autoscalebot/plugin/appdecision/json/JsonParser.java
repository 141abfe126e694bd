package io.autoscalebot.plugin.appdecision.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) for the small documents an app answers with. The plugin carries its own so that it
 * needs no library beside the API.
 *
 * <p>Errors say what was expected and where, as line and column. Nesting is limited so that a hostile document cannot
 * exhaust the stack; a repeated member name keeps its last value, as most parsers do.
 */
public final class JsonParser {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private int position;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    /**
     * Parses a whole document.
     *
     * @param text the document
     * @return its value
     * @throws JsonException if the text is not exactly one JSON value, surrounded by optional whitespace
     */
    public static JsonValue parse(String text) throws JsonException {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        JsonValue value = parser.value();
        parser.skipWhitespace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected " + parser.found() + " after the end of the value");
        }
        return value;
    }

    private JsonValue value() throws JsonException {
        if (position >= text.length()) {
            throw error("expected a value but the document ended");
        }
        char next = text.charAt(position);
        switch (next) {
            case '{':
                return nested(this::object);
            case '[':
                return nested(this::array);
            case '"':
                return new JsonValue.JsonString(string());
            case 't':
                literal("true");
                return new JsonValue.JsonBoolean(true);
            case 'f':
                literal("false");
                return new JsonValue.JsonBoolean(false);
            case 'n':
                literal("null");
                return new JsonValue.JsonNull();
            default:
                if (next == '-' || isDigit(next)) {
                    return number();
                }
                throw error("expected a value but found " + found());
        }
    }

    /** Parses one level of nesting. */
    private interface Level {
        JsonValue parse() throws JsonException;
    }

    private JsonValue nested(Level level) throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("arrays and objects nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value = level.parse();
        depth--;
        return value;
    }

    private JsonValue object() throws JsonException {
        position++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            return new JsonValue.JsonObject(members);
        }
        do {
            skipWhitespace();
            if (!peek('"')) {
                throw error("expected a member name in double quotes but found " + found());
            }
            String name = string();
            skipWhitespace();
            expect(':', "after the member name \"" + name + "\"");
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
        } while (consume(','));
        expect('}', "or ',' in an object");
        return new JsonValue.JsonObject(members);
    }

    private JsonValue array() throws JsonException {
        position++;
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            return new JsonValue.JsonArray(items);
        }
        do {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
        } while (consume(','));
        expect(']', "or ',' in an array");
        return new JsonValue.JsonArray(items);
    }

    private String string() throws JsonException {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char next = text.charAt(position++);
            if (next == '"') {
                return value.toString();
            }
            if (next == '\\') {
                value.append(escape());
            } else if (next < 0x20) {
                position--;
                throw error("control character U+" + String.format("%04X", (int) next)
                        + " in a string must be escaped");
            } else {
                value.append(next);
            }
        }
        position = start;
        throw error("string not closed before the document ended");
    }

    private char escape() throws JsonException {
        if (position >= text.length()) {
            throw error("escape not finished before the document ended");
        }
        char kind = text.charAt(position++);
        switch (kind) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return unicodeEscape();
            default:
                position -= 2;
                throw error("unknown escape \\" + kind + " in a string");
        }
    }

    // One UTF-16 unit; a surrogate pair arrives as two escapes and is rebuilt by appending both units.
    private char unicodeEscape() throws JsonException {
        if (position + 4 > text.length()) {
            throw error("\\u escape needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("\\u escape needs four hex digits, found " + found());
            }
            code = code * 16 + digit;
            position++;
        }
        return (char) code;
    }

    private JsonValue number() throws JsonException {
        int start = position;
        consume('-');
        if (consume('0')) {
            if (position < text.length() && isDigit(text.charAt(position))) {
                throw error("a number must not have a leading zero");
            }
        } else {
            digits("a digit");
        }
        if (consume('.')) {
            digits("a digit after the decimal point");
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            digits("a digit in the exponent");
        }
        try {
            return new JsonValue.JsonNumber(new BigDecimal(text.substring(start, position)));
        } catch (NumberFormatException e) {
            // Only an exponent beyond what BigDecimal holds gets here; the grammar above already matched.
            position = start;
            throw error("number out of range");
        }
    }

    private void digits(String expected) throws JsonException {
        if (position >= text.length() || !isDigit(text.charAt(position))) {
            throw error("expected " + expected + " but found " + found());
        }
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    private void literal(String word) throws JsonException {
        if (!text.startsWith(word, position)) {
            throw error("expected a value but found " + found());
        }
        position += word.length();
    }

    private void expect(char wanted, String where) throws JsonException {
        if (!consume(wanted)) {
            throw error("expected '" + wanted + "' " + where + " but found " + found());
        }
    }

    private boolean consume(char wanted) {
        if (peek(wanted)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean peek(char wanted) {
        return position < text.length() && text.charAt(position) == wanted;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char next = text.charAt(position);
            if (next != ' ' && next != '\t' && next != '\n' && next != '\r') {
                return;
            }
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String found() {
        if (position >= text.length()) {
            return "the end of the document";
        }
        char next = text.charAt(position);
        return next < 0x20 ? "character U+" + String.format("%04X", (int) next) : "'" + next + "'";
    }

    private JsonException error(String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException(what + " at line " + line + ", column " + (position - lineStart + 1));
    }
}
