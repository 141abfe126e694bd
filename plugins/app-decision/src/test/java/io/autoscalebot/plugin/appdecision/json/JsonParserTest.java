package io.autoscalebot.plugin.appdecision.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {

    @Test
    void parsesNestedObjectsAndArraysKeepingMemberOrder() throws Exception {
        JsonValue value = JsonParser.parse(" {\"web\": \"up\", \"queues\": [1, {\"depth\": 2}], \"on\": true,"
                + " \"off\": false, \"none\": null}\n");

        assertThat(value).isEqualTo(new JsonValue.JsonObject(Map.of(
                "web", new JsonValue.JsonString("up"),
                "queues", new JsonValue.JsonArray(List.of(number("1"),
                        new JsonValue.JsonObject(Map.of("depth", number("2"))))),
                "on", new JsonValue.JsonBoolean(true),
                "off", new JsonValue.JsonBoolean(false),
                "none", new JsonValue.JsonNull())));
        assertThat(((JsonValue.JsonObject) value).members().keySet())
                .containsExactly("web", "queues", "on", "off", "none");
    }

    @Test
    void parsesEmptyObjectsAndArrays() throws Exception {
        assertThat(JsonParser.parse("{ }")).isEqualTo(new JsonValue.JsonObject(Map.of()));
        assertThat(JsonParser.parse("[ ]")).isEqualTo(new JsonValue.JsonArray(List.of()));
    }

    @Test
    void keepsNumbersExact() throws Exception {
        assertThat(JsonParser.parse("-0")).isEqualTo(number("-0"));
        assertThat(JsonParser.parse("12.50")).isEqualTo(number("12.50"));
        assertThat(JsonParser.parse("1e3")).isEqualTo(number("1e3"));
        assertThat(JsonParser.parse("-2.5E-2")).isEqualTo(number("-2.5E-2"));
        assertThat(JsonParser.parse("12345678901234567890")).isEqualTo(number("12345678901234567890"));
    }

    @Test
    void resolvesEveryEscapeIncludingASurrogatePair() throws Exception {
        JsonValue value = JsonParser.parse("\"q\\\"b\\\\s\\/n\\nt\\tr\\rb\\bf\\f \\u00e9 \\ud83d\\ude80\"");

        assertThat(value).isEqualTo(new JsonValue.JsonString("q\"b\\s/n\nt\tr\rb\bf\f \u00e9 \uD83D\uDE80"));
    }

    @Test
    void refusesATrailingComma() {
        assertThatThrownBy(() -> JsonParser.parse("{\"web\": \"up\",}"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a member name in double quotes but found '}' at line 1, column 14");
        assertThatThrownBy(() -> JsonParser.parse("[1,]"))
                .hasMessageContaining("expected a value but found ']' at line 1, column 4");
    }

    @Test
    void refusesANumberWithALeadingZero() {
        assertThatThrownBy(() -> JsonParser.parse("012"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("a number must not have a leading zero");
    }

    @Test
    void refusesIncompleteNumbers() {
        assertThatThrownBy(() -> JsonParser.parse("1.")).hasMessageContaining("expected a digit after the decimal point");
        assertThatThrownBy(() -> JsonParser.parse("1e")).hasMessageContaining("expected a digit in the exponent");
        assertThatThrownBy(() -> JsonParser.parse("-")).hasMessageContaining("expected a digit but found the end");
    }

    @Test
    void refusesAnUnclosedString() {
        assertThatThrownBy(() -> JsonParser.parse("{\"web\": \"up}"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("string not closed before the document ended at line 1, column 9");
    }

    @Test
    void refusesAnUnescapedControlCharacterInAString() {
        assertThatThrownBy(() -> JsonParser.parse("\"a\tb\""))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("control character U+0009 in a string must be escaped");
    }

    @Test
    void refusesAnUnknownEscape() {
        assertThatThrownBy(() -> JsonParser.parse("\"a\\xb\""))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("unknown escape \\x in a string");
        assertThatThrownBy(() -> JsonParser.parse("\"\\u12g4\""))
                .hasMessageContaining("\\u escape needs four hex digits, found 'g'");
    }

    @Test
    void refusesTextAfterTheValue() {
        assertThatThrownBy(() -> JsonParser.parse("{\"web\": 1}\n{\"web\": 2}"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("unexpected '{' after the end of the value at line 2, column 1");
    }

    @Test
    void refusesAnHtmlPageSayingWhereItWentWrong() {
        assertThatThrownBy(() -> JsonParser.parse("<html><body>Bad gateway</body></html>"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a value but found '<' at line 1, column 1");
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThatThrownBy(() -> JsonParser.parse("  "))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a value but the document ended");
    }

    @Test
    void refusesMisspelledLiterals() {
        assertThatThrownBy(() -> JsonParser.parse("[tru]"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a value but found 't' at line 1, column 2");
    }

    @Test
    void refusesNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() throws Exception {
        String deepest = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertThat(JsonParser.parse(deepest)).isInstanceOf(JsonValue.JsonArray.class);

        assertThatThrownBy(() -> JsonParser.parse("[".repeat(100_000)))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nested deeper than " + JsonParser.MAX_DEPTH + " levels");
    }

    @Test
    void describesValuesForMessages() throws Exception {
        assertThat(JsonParser.parse("\"12\"").describe()).isEqualTo("the string \"12\"");
        assertThat(JsonParser.parse("12.5").describe()).isEqualTo("the number 12.5");
        assertThat(JsonParser.parse("{}").describe()).isEqualTo("an object");
        assertThat(JsonParser.parse("null").describe()).isEqualTo("null");
    }

    private static JsonValue number(String text) {
        return new JsonValue.JsonNumber(new BigDecimal(text));
    }
}
