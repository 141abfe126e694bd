package io.autoscalebot.plugin.heroku.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads and writes the Platform API's JSON bodies with the platform's Jackson, through the plugin's one mapper.
 *
 * <p>Jackson's own exception text never reaches a user: it can quote the body (where a proxy could echo the token)
 * and names Jackson's settings. Problems are told in the plugin's words, with the line and column.
 */
public final class Json {

    /**
     * Configured once, then only used: an {@code ObjectMapper} is thread-safe from then on. The limits suit bodies
     * from the network, which the plugin does not control (a proxy in between, a wrong {@code api_url}); Heroku's own
     * answers stay far below them.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxNumberLength(64)
                            .maxNameLength(1_000)
                            .maxStringLength(1 << 20)
                            .maxDocumentLength(8L << 20)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * Parses a body that must be a JSON object.
     *
     * @param text the body
     * @return the object, members in document order
     * @throws IllegalArgumentException saying, in a line, where the body is not JSON or what it is instead of an object
     */
    public static ObjectNode parseObject(String text) {
        JsonNode value;
        try {
            value = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(problem(e));
        }
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException("expected a JSON object, got an empty body");
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + kind(value));
        }
        return (ObjectNode) value;
    }

    /**
     * Writes a flat object.
     *
     * @param members the members, in order; values are {@link String}, {@link Number} or {@link Boolean}
     * @return the JSON text
     */
    public static String write(Map<String, ?> members) {
        ObjectNode body = MAPPER.createObjectNode();
        members.forEach((name, value) -> body.set(name, MAPPER.valueToTree(value)));
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always serializes; this would be a Jackson bug.
            throw new UncheckedIOException(e);
        }
    }

    /** @return what a value is, for messages: {@code an array}, {@code the string "up"}, {@code the number 3} */
    public static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "the string " + value;
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BOOLEAN -> "the boolean " + value;
            default -> "null";
        };
    }

    private static String problem(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "not a Heroku answer: nested deeper, or with longer names, strings or numbers, than the plugin reads";
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        if (e instanceof JsonEOFException) {
            return "not valid JSON: the body ends inside its value" + where;
        }
        if (e instanceof MismatchedInputException) {
            return "not valid JSON: more text after the value" + where;
        }
        return "not valid JSON" + where;
    }
}
