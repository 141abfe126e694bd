package io.autoscalebot.plugin.appdecision.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Pointers (RFC 6901), like {@code /queue/depth} or {@code /groups/0/load}, as Jackson's {@link JsonPointer}
 * with what Jackson leaves out: a strict check of the text, and a lookup that says where a document has no such value
 * ({@link JsonNode#at} only answers "missing").
 */
public final class Pointers {

    /** How many member names a message lists before it cuts short; a response can be large. */
    public static final int LISTED_MEMBERS = 10;

    private Pointers() {
    }

    /**
     * Parses a pointer.
     *
     * @param text {@code ""} for the whole document, or {@code /} followed by tokens separated by {@code /}; {@code ~1}
     *     stands for {@code /} and {@code ~0} for {@code ~} inside a name
     * @return the pointer; its {@code toString()} is the text as written
     * @throws JsonException if the text does not start with {@code /}, or has a {@code ~} not followed by 0 or 1 (which
     *     Jackson would take literally)
     */
    public static JsonPointer parse(String text) throws JsonException {
        if (!text.isEmpty() && text.charAt(0) != '/') {
            throw new JsonException("a JSON Pointer starts with '/' (like \"/queue/depth\"), got \"" + text + "\"");
        }
        for (int i = text.indexOf('~'); i >= 0; i = text.indexOf('~', i + 1)) {
            if (i + 1 >= text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1')) {
                throw new JsonException("in JSON Pointer \"" + text + "\", '~' must be followed by 0 (for '~') or"
                        + " 1 (for '/')");
            }
        }
        return JsonPointer.compile(text);
    }

    /**
     * Finds the value a pointer refers to.
     *
     * @param pointer the pointer
     * @param document the whole document
     * @return the value
     * @throws JsonException saying where the document has no such value: a missing member, an index past the end or
     *     not an index, or a value that has no members
     */
    public static JsonNode resolve(JsonPointer pointer, JsonNode document) throws JsonException {
        JsonNode current = document;
        String at = "";
        for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
            String token = rest.getMatchingProperty();
            String where = at.isEmpty() ? "the document" : at;
            if (current.isObject()) {
                JsonNode member = current.get(token);
                if (member == null) {
                    throw new JsonException("no member \"" + token + "\" in the object at " + where
                            + memberList(current));
                }
                current = member;
            } else if (current.isArray()) {
                // RFC 6901: an index is 0 or digits without a leading zero; "-" names the element after the last.
                int index = rest.getMatchingIndex();
                if (index < 0) {
                    throw new JsonException("\"" + token + "\" is not an index into the array at " + where);
                }
                if (index >= current.size()) {
                    throw new JsonException("index " + index + " is past the end of the array of " + current.size()
                            + " at " + where);
                }
                current = current.get(index);
            } else {
                throw new JsonException("cannot look up \"" + token + "\" in " + Json.describe(current) + " at "
                        + where);
            }
            at += "/" + token.replace("~", "~0").replace("/", "~1");
        }
        return current;
    }

    /**
     * @param object an object
     * @return {@code " (it has a, b, c)"}, at most {@value #LISTED_MEMBERS} names, or {@code " (it is empty)"}
     */
    public static String memberList(JsonNode object) {
        if (object.isEmpty()) {
            return " (it is empty)";
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String listed = String.join(", ", names.subList(0, Math.min(names.size(), LISTED_MEMBERS)));
        return " (it has " + listed + (names.size() > LISTED_MEMBERS ? ", ..." : "") + ")";
    }
}
