package io.autoscalebot.plugin.appdecision.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointersTest {

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
        JsonNode found = Pointers.resolve(Pointers.parse(pointer), Json.parse(RFC_DOCUMENT));

        assertThat(found.isIntegralNumber()).isTrue();
        assertThat(found.intValue()).isEqualTo(expected);
    }

    @Test
    void resolvesArrayItemsAndTheWholeDocument() throws Exception {
        JsonNode document = Json.parse(RFC_DOCUMENT);

        assertThat(Pointers.resolve(Pointers.parse("/foo/1"), document).textValue()).isEqualTo("baz");
        assertThat(Pointers.resolve(Pointers.parse(""), document)).isSameAs(document);
    }

    @Test
    void refusesAPointerWithoutALeadingSlash() {
        assertThatThrownBy(() -> Pointers.parse("queue/depth"))
                .isInstanceOf(JsonException.class)
                .hasMessage("a JSON Pointer starts with '/' (like \"/queue/depth\"), got \"queue/depth\"");
    }

    @Test
    void refusesATildeThatIsNotAnEscape() {
        assertThatThrownBy(() -> Pointers.parse("/m~2n"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("'~' must be followed by 0 (for '~') or 1 (for '/')");
        assertThatThrownBy(() -> Pointers.parse("/m~")).isInstanceOf(JsonException.class);
    }

    @Test
    void namesTheMissingMemberAndWhereItWasLookedFor() throws Exception {
        JsonNode document = Json.parse("{\"queue\": {\"size\": 3, \"age\": 9}}");

        assertThatThrownBy(() -> Pointers.resolve(Pointers.parse("/queue/depth"), document))
                .isInstanceOf(JsonException.class)
                .hasMessage("no member \"depth\" in the object at /queue (it has size, age)");
        assertThatThrownBy(() -> Pointers.resolve(Pointers.parse("/depth"), Json.parse("{}")))
                .hasMessage("no member \"depth\" in the object at the document (it is empty)");
    }

    @Test
    void cutsTheListOfMembersShort() throws Exception {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": ").append(i);
        }
        JsonNode document = Json.parse(many.append('}').toString());

        assertThatThrownBy(() -> Pointers.resolve(Pointers.parse("/x"), document))
                .hasMessageContaining("(it has k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, ...)");
    }

    @Test
    void refusesAnIndexPastTheEnd() throws Exception {
        JsonNode document = Json.parse(RFC_DOCUMENT);

        assertThatThrownBy(() -> Pointers.resolve(Pointers.parse("/foo/2"), document))
                .isInstanceOf(JsonException.class)
                .hasMessage("index 2 is past the end of the array of 2 at /foo");
    }

    @Test
    void refusesAnIndexWithALeadingZeroOrTheDashPastTheEnd() throws Exception {
        JsonNode document = Json.parse(RFC_DOCUMENT);

        assertThatThrownBy(() -> Pointers.resolve(Pointers.parse("/foo/01"), document))
                .hasMessage("\"01\" is not an index into the array at /foo");
        assertThatThrownBy(() -> Pointers.resolve(Pointers.parse("/foo/-"), document))
                .hasMessage("\"-\" is not an index into the array at /foo");
    }

    @Test
    void refusesToDescendIntoAScalar() throws Exception {
        JsonNode document = Json.parse("{\"queue\": {\"depth\": 3}}");

        assertThatThrownBy(() -> Pointers.resolve(Pointers.parse("/queue/depth/x"), document))
                .isInstanceOf(JsonException.class)
                .hasMessage("cannot look up \"x\" in the number 3 at /queue/depth");
    }

    @Test
    void showsItselfAsWritten() throws Exception {
        assertThat(Pointers.parse("/a~1b/0")).hasToString("/a~1b/0");
    }
}
