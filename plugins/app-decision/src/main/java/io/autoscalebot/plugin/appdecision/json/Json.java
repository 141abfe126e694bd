package io.autoscalebot.plugin.appdecision.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads the app's answers with the platform's Jackson, through the plugin's one mapper, and words what is wrong with
 * one for people.
 *
 * <p>Jackson's own exception text never reaches a user: it quotes whole words of the document (an app may echo a
 * token) and names Jackson's settings. A problem says what was expected, shows at most the one character found, and
 * where, as line and column.
 */
public final class Json {

    /** The deepest nesting of arrays and objects read; a hostile document must not exhaust the stack. */
    public static final int MAX_DEPTH = 256;
    /** The longest number read, in characters; no load or process count needs more. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The longest string or member name read, in characters; the whole answer is bounded anyway. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    /**
     * Configured once, then only used: an {@code ObjectMapper} is thread-safe from then on. NaN and Infinity stay
     * refused (Jackson's default), so a measurement is always a finite number the app wrote.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_STRING_LENGTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * Parses a whole document.
     *
     * @param text the document
     * @return its value
     * @throws JsonException if the text is not exactly one JSON value, surrounded by optional whitespace
     */
    public static JsonNode parse(String text) throws JsonException {
        JsonNode value;
        try {
            value = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new JsonException(problem(e, text));
        }
        if (value == null || value.isMissingNode()) {
            throw new JsonException("expected a value but the document ended");
        }
        return value;
    }

    /** @return the value for people, for messages: {@code an object}, {@code the string "up"}, {@code the number 3} */
    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string " + value;
            // Beyond the range of a double, the document's digits are gone; Jackson would show "Infinity" in quotes.
            case NUMBER -> Double.isFinite(value.doubleValue()) ? "the number " + value.asText()
                    : "a number too large to read";
            case BOOLEAN -> "the boolean " + value;
            default -> "null";
        };
    }

    private static String problem(JacksonException e, String text) {
        if (e instanceof StreamConstraintsException) {
            return limit(e.getOriginalMessage());
        }
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "not valid JSON";
        }
        int offset = (int) location.getCharOffset();
        int line = location.getLineNr();
        int column = location.getColumnNr();
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Unrecognized token") || original.startsWith("Non-standard token")) {
            // Jackson stops after the whole word; point at where it starts, as for any other unexpected character.
            int start = offset;
            while (start > 0 && start <= text.length() && Character.isLetterOrDigit(text.charAt(start - 1))) {
                start--;
            }
            column -= offset - start;
            offset = start;
        }
        String where = " at line " + line + ", column " + column;
        if (e instanceof JsonEOFException) {
            return "the document ended before its value was complete" + where;
        }
        if (e instanceof MismatchedInputException) {
            return "unexpected " + found(text, offset) + " after the end of the value" + where;
        }
        if (original.startsWith("Illegal unquoted character")) {
            return "control " + found(text, offset) + " in a string must be escaped" + where;
        }
        if (original.startsWith("Invalid numeric value") || original.contains("in numeric value")) {
            return "not a valid JSON number" + where;
        }
        if (original.startsWith("Unrecognized character escape")) {
            return "unknown escape in a string" + where;
        }
        String expected = expected(original);
        return (expected == null ? "unexpected " : expected + " but found ") + found(text, offset) + where;
    }

    /** What the parser wanted, from the start of Jackson's message; {@code null} when it does not say. */
    private static String expected(String original) {
        if (original.contains("expected a valid value") || original.startsWith("Unrecognized token")
                || original.startsWith("Non-standard token")) {
            return "expected a value";
        }
        if (original.contains("double-quote to start field name")) {
            return "expected a member name in double quotes";
        }
        if (original.contains("comma to separate Object entries")) {
            return "expected ',' or '}' in an object";
        }
        if (original.contains("comma to separate Array entries")) {
            return "expected ',' or ']' in an array";
        }
        if (original.contains("colon to separate field name")) {
            return "expected ':' after the member name";
        }
        return null;
    }

    private static String limit(String original) {
        String text = String.valueOf(original);
        if (text.startsWith("Document nesting depth")) {
            return "arrays and objects nested deeper than " + MAX_DEPTH + " levels";
        }
        if (text.startsWith("Number value length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (text.startsWith("String value length") || text.startsWith("Name length")) {
            return "a string longer than " + MAX_STRING_LENGTH + " characters";
        }
        return "a document beyond what the plugin reads";
    }

    private static String found(String text, int offset) {
        if (offset < 0 || offset >= text.length()) {
            return "the end of the document";
        }
        char next = text.charAt(offset);
        return next < 0x20 ? "character U+" + String.format("%04X", (int) next) : "'" + next + "'";
    }
}
