package io.autoscalebot.plugin.appdecision.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPointerTest {

    /** The example document of RFC 6901 section 5. */
    private static final String RFC_DOCUMENT = "{\"foo\": [\"bar\", \"baz\"], \"\": 0, \"a/b\": 1, \"c%d\": 2,"
            + " \"e^f\": 3, \"g|h\": 4, \"i\\\\j\": 5, \"k\\\"l\": 6, \" \": 7, \"m~n\": 8, \"~1\": 9}";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'/'      | 0",
            "/a~1b    | 1",
            "/c%d     | 2",
            "/e^f     | 3",
            "'/g|h'   | 4",
            "/i\\j    | 5",
            "/k\"l    | 6",
            "'/ '     | 7",
            "/m~0n    | 8",
            "/~01     | 9"})
    void resolvesTheExamplesOfRfc6901(String pointer, int expected) throws Exception {
        JsonValue found = JsonPointer.parse(pointer).resolve(JsonParser.parse(RFC_DOCUMENT));

        assertThat(found).isEqualTo(new JsonValue.JsonNumber(new BigDecimal(expected)));
    }

    @Test
    void resolvesArrayItemsAndTheWholeDocument() throws Exception {
        JsonValue document = JsonParser.parse(RFC_DOCUMENT);

        assertThat(JsonPointer.parse("/foo/1").resolve(document)).isEqualTo(new JsonValue.JsonString("baz"));
        assertThat(JsonPointer.parse("").resolve(document)).isSameAs(document);
    }

    @Test
    void refusesAPointerWithoutALeadingSlash() {
        assertThatThrownBy(() -> JsonPointer.parse("queue/depth"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("a JSON Pointer starts with '/' (like \"/queue/depth\"), got \"queue/depth\"");
    }

    @Test
    void refusesATildeThatIsNotAnEscape() {
        assertThatThrownBy(() -> JsonPointer.parse("/m~2n"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("'~' must be followed by 0 (for '~') or 1 (for '/')");
        assertThatThrownBy(() -> JsonPointer.parse("/m~")).isInstanceOf(JsonException.class);
    }

    @Test
    void namesTheMissingMemberAndWhereItWasLookedFor() throws Exception {
        JsonValue document = JsonParser.parse("{\"queue\": {\"size\": 3, \"age\": 9}}");

        assertThatThrownBy(() -> JsonPointer.parse("/queue/depth").resolve(document))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("no member \"depth\" in the object at /queue (it has size, age)");
    }

    @Test
    void cutsTheListOfMembersShort() throws Exception {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": ").append(i);
        }
        JsonValue document = JsonParser.parse(many.append('}').toString());

        assertThatThrownBy(() -> JsonPointer.parse("/x").resolve(document))
                .hasMessageContaining("(it has k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, ...)");
    }

    @Test
    void refusesAnIndexPastTheEnd() throws Exception {
        JsonValue document = JsonParser.parse(RFC_DOCUMENT);

        assertThatThrownBy(() -> JsonPointer.parse("/foo/2").resolve(document))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("index 2 is past the end of the array of 2 at /foo");
    }

    @Test
    void refusesAnIndexWithALeadingZeroOrTheDashPastTheEnd() throws Exception {
        JsonValue document = JsonParser.parse(RFC_DOCUMENT);

        assertThatThrownBy(() -> JsonPointer.parse("/foo/01").resolve(document))
                .hasMessageContaining("\"01\" is not an index into the array at /foo");
        assertThatThrownBy(() -> JsonPointer.parse("/foo/-").resolve(document))
                .hasMessageContaining("\"-\" is not an index into the array at /foo");
    }

    @Test
    void refusesToDescendIntoAScalar() throws Exception {
        JsonValue document = JsonParser.parse("{\"queue\": {\"depth\": 3}}");

        assertThatThrownBy(() -> JsonPointer.parse("/queue/depth/x").resolve(document))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("cannot look up \"x\" in the number 3 at /queue/depth");
    }

    @Test
    void showsItselfAsWritten() throws Exception {
        assertThat(JsonPointer.parse("/a~1b/0")).hasToString("/a~1b/0");
    }
}
