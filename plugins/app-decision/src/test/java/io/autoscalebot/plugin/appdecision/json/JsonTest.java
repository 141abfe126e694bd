package io.autoscalebot.plugin.appdecision.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the plugin reads an app's answer with Jackson: problems in the plugin's words, with line and column, showing at
 * most one character of the document; limits for documents from the network.
 */
class JsonTest {

    @Test
    void readsNestedObjectsAndArraysKeepingMemberOrder() throws Exception {
        JsonNode value = Json.parse(" {\"web\": \"up\", \"queues\": [1, {\"depth\": 2}], \"on\": true, \"none\": null}\n");

        assertThat(value.fieldNames()).toIterable().containsExactly("web", "queues", "on", "none");
        assertThat(value.at("/queues/1/depth").intValue()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<html><body>Bad gateway</body></html> | expected a value but found '<' at line 1, column 1",
            "`{\"web\": \"up\",}`                  | expected a member name in double quotes but found '}' at line 1, column 14",
            "[1,]                                  | expected a value but found ']' at line 1, column 4",
            "[tru]                                 | expected a value but found 't' at line 1, column 2",
            "`{\"web\": 1 \"worker\": 2}`          | expected ',' or '}' in an object but found '\"' at line 1, column 11",
            "`{\"web\" 1}`                         | expected ':' after the member name but found '1' at line 1, column 8",
            "`{\"web\": 1}\n{\"web\": 2}`          | unexpected '{' after the end of the value at line 2, column 1",
            "012                                   | not a valid JSON number at line 1, column 2",
            "`\"a\\xb\"`                           | unknown escape in a string at line 1, column 4",
            "`{\"web\": \"up}`                     | the document ended before its value was complete at line 1, column 13",
            "`  `                                  | expected a value but the document ended"})
    void saysWhatWasExpectedAndWhere(String document, String problem) {
        assertThatThrownBy(() -> Json.parse(document.replace("\\n", "\n")))
                .isInstanceOf(JsonException.class)
                .hasMessage(problem);
    }

    @Test
    void refusesAnUnescapedControlCharacterInAString() {
        assertThatThrownBy(() -> Json.parse("\"a\tb\""))
                .hasMessage("control character U+0009 in a string must be escaped at line 1, column 3");
    }

    @Test
    void refusesNaNAndInfinityWhichAreNotJsonNumbers() {
        assertThatThrownBy(() -> Json.parse("{\"load\": NaN}"))
                .hasMessage("expected a value but found 'N' at line 1, column 10");
        assertThatThrownBy(() -> Json.parse("[Infinity]"))
                .hasMessage("expected a value but found 'I' at line 1, column 2");
    }

    @Test
    void refusesANumberLongerThanAnyLoadNeeds() {
        assertThatThrownBy(() -> Json.parse("[" + "9".repeat(Json.MAX_NUMBER_LENGTH + 1) + "]"))
                .hasMessage("a number longer than " + Json.MAX_NUMBER_LENGTH + " characters");
    }

    @Test
    void readsANumberBeyondTheDoubleRangeAsInfinityForTheReadingToRefuse() throws Exception {
        assertThat(Json.parse("1e400").doubleValue()).isInfinite();
    }

    @Test
    void refusesNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() throws Exception {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(deepest).isArray()).isTrue();

        assertThatThrownBy(() -> Json.parse("[".repeat(100_000)))
                .isInstanceOf(JsonException.class)
                .hasMessage("arrays and objects nested deeper than " + Json.MAX_DEPTH + " levels");
    }

    @Test
    void neverQuotesMoreOfTheDocumentThanOneCharacterNorJacksonsOwnWords() {
        // Jackson's message would quote the whole word, where an app may echo a token, and name its settings.
        assertThatThrownBy(() -> Json.parse("s3cr3t-t0ken-refused"))
                .hasMessage("expected a value but found 's' at line 1, column 1")
                .message().doesNotContain("s3cr3t", "Jackson", "`", "Source");
    }

    @Test
    void describesValuesForMessages() throws Exception {
        assertThat(Json.describe(Json.parse("\"12\""))).isEqualTo("the string \"12\"");
        assertThat(Json.describe(Json.parse("12.5"))).isEqualTo("the number 12.5");
        assertThat(Json.describe(Json.parse("-1"))).isEqualTo("the number -1");
        assertThat(Json.describe(Json.parse("{}"))).isEqualTo("an object");
        assertThat(Json.describe(Json.parse("[]"))).isEqualTo("an array");
        assertThat(Json.describe(Json.parse("true"))).isEqualTo("the boolean true");
        assertThat(Json.describe(Json.parse("null"))).isEqualTo("null");
    }
}
