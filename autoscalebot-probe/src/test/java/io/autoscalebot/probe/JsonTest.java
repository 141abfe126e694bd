package io.autoscalebot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.quote("a\"b\\c\nd\re\tf\u0001g\u001f")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\"");
    }

    @Test
    void escapesTheLineSeparatorsJavaScriptTreatsAsNewlines() {
        assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
    }

    @Test
    void keepsOtherCharactersAsTheyAre() {
        assertThat(Json.quote("base de données ✓ 😀 /")).isEqualTo("\"base de données ✓ 😀 /\"");
    }

    @Test
    void everyCharacterRoundTripsThroughARealParser() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        assertThat(JACKSON.readValue(Json.quote(all.toString()), String.class)).isEqualTo(all.toString());
    }

    @Test
    void writesMillisecondsRoundedToMicrosecondsWithoutAnExponent() {
        assertThat(Json.millis(0)).isEqualTo("0");
        assertThat(Json.millis(2000)).isEqualTo("2000");
        assertThat(Json.millis(12.3456)).isEqualTo("12.346");
        assertThat(Json.millis(1e-9)).isEqualTo("0");
        assertThat(Json.millis(1.5e10)).isEqualTo("15000000000");
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> Json.millis(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.millis(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
