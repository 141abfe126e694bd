package io.autoscalebot.plugin.appdecision.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JSON Pointer (RFC 6901), like {@code /queue/depth} or {@code /groups/0/load}: {@code ~1} stands for {@code /} and
 * {@code ~0} for {@code ~} inside a name.
 *
 * @param text the pointer as written, for messages
 * @param tokens the reference tokens, escapes resolved; empty for the whole document
 */
public record JsonPointer(String text, List<String> tokens) {

    /** How many member names a message lists before it cuts short; a response can be large. */
    public static final int LISTED_MEMBERS = 10;

    /** Checks the parts and copies the tokens. */
    public JsonPointer {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
    }

    /**
     * Parses a pointer.
     *
     * @param text {@code ""} for the whole document, or {@code /} followed by tokens separated by {@code /}
     * @return the pointer
     * @throws JsonException if the text does not start with {@code /} or has a {@code ~} not followed by 0 or 1
     */
    public static JsonPointer parse(String text) throws JsonException {
        if (text.isEmpty()) {
            return new JsonPointer(text, List.of());
        }
        if (text.charAt(0) != '/') {
            throw new JsonException("a JSON Pointer starts with '/' (like \"/queue/depth\"), got \"" + text + "\"");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            tokens.add(unescape(raw, text));
        }
        return new JsonPointer(text, tokens);
    }

    // ~1 before ~0, as RFC 6901 section 4 requires: "~01" is the name "~1", not "/".
    private static String unescape(String token, String pointer) throws JsonException {
        for (int i = token.indexOf('~'); i >= 0; i = token.indexOf('~', i + 1)) {
            if (i + 1 >= token.length() || (token.charAt(i + 1) != '0' && token.charAt(i + 1) != '1')) {
                throw new JsonException("in JSON Pointer \"" + pointer + "\", '~' must be followed by 0 (for '~') or"
                        + " 1 (for '/')");
            }
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /**
     * Finds the value the pointer refers to.
     *
     * @param document the whole document
     * @return the value
     * @throws JsonException saying where the document has no such value: a missing member, an index past the end, or a
     *     value that has no members
     */
    public JsonValue resolve(JsonValue document) throws JsonException {
        JsonValue current = document;
        StringBuilder at = new StringBuilder();
        for (String token : tokens) {
            String where = at.length() == 0 ? "the document" : at.toString();
            if (current instanceof JsonValue.JsonObject) {
                JsonValue.JsonObject object = (JsonValue.JsonObject) current;
                current = object.members().get(token);
                if (current == null) {
                    throw new JsonException("no member \"" + token + "\" in the object at " + where
                            + memberList(object));
                }
            } else if (current instanceof JsonValue.JsonArray) {
                List<JsonValue> items = ((JsonValue.JsonArray) current).items();
                current = items.get(index(token, items.size(), where));
            } else {
                throw new JsonException("cannot look up \"" + token + "\" in " + current.describe() + " at " + where);
            }
            at.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return current;
    }

    private static int index(String token, int size, String where) throws JsonException {
        // RFC 6901: an index is 0 or digits without a leading zero; "-" names the element after the last.
        if (!token.matches("0|[1-9][0-9]{0,8}")) {
            throw new JsonException("\"" + token + "\" is not an index into the array at " + where);
        }
        int index = Integer.parseInt(token);
        if (index >= size) {
            throw new JsonException("index " + index + " is past the end of the array of " + size + " at " + where);
        }
        return index;
    }

    /**
     * @param object an object
     * @return {@code " (it has a, b, c)"}, at most {@value #LISTED_MEMBERS} names, or {@code " (it is empty)"}
     */
    public static String memberList(JsonValue.JsonObject object) {
        Set<String> names = object.members().keySet();
        if (names.isEmpty()) {
            return " (it is empty)";
        }
        String listed = names.stream().limit(LISTED_MEMBERS).collect(Collectors.joining(", "));
        return " (it has " + listed + (names.size() > LISTED_MEMBERS ? ", ..." : "") + ")";
    }

    @Override
    public String toString() {
        return text;
    }
}
