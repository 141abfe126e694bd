package io.autoscalebot.plugin.heroku.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsAFormationWithNestedObjectsNumbersAndNulls() {
        Map<String, Object> formation = Json.parseObject("{\"app\": {\"name\": \"my-app\"}, \"quantity\": 3,"
                + " \"size\": \"standard-1X\", \"ratio\": -1.5e2, \"ok\": true, \"gone\": null, \"tags\": [1, \"a\", []]}");

        assertThat(formation.get("app")).isEqualTo(Map.of("name", "my-app"));
        assertThat(formation.get("quantity")).isEqualTo(3L);
        assertThat(formation.get("ratio")).isEqualTo(-150.0);
        assertThat(formation.get("ok")).isEqualTo(true);
        assertThat(formation).containsEntry("gone", null);
        assertThat(formation.get("tags")).isEqualTo(List.of(1L, "a", List.of()));
    }

    @Test
    void readsEscapesInStrings() {
        Object text = Json.parse("\"line\\nbreak \\\"quoted\\\" \\u00e9 \\/ \\\\\"");

        assertThat(text).isEqualTo("line\nbreak \"quoted\" \u00e9 / \\");
    }

    @Test
    void saysWhereADocumentIsNotJson() {
        assertThatThrownBy(() -> Json.parse("{\"id\": \"x\" \"message\": 1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected '}'")
                .hasMessageContaining("at character 12");
        assertThatThrownBy(() -> Json.parse("<html>Bad gateway</html>"))
                .hasMessageContaining("unexpected character '<'");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} trailing"))
                .hasMessageContaining("unexpected text after the JSON value");
        assertThatThrownBy(() -> Json.parse("\"open"))
                .hasMessageContaining("unterminated string");
    }

    @Test
    void refusesADocumentThatIsNotAnObjectWhereAnObjectIsExpected() {
        assertThatThrownBy(() -> Json.parseObject("[1, 2]"))
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void writesAFlatObjectInOrderWithEscapedStrings() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("dyno", "router");
        members.put("tail", true);
        members.put("lines", 1);
        members.put("note", "a \"quote\"\n");

        String json = Json.write(members);

        assertThat(json).isEqualTo("{\"dyno\": \"router\", \"tail\": true, \"lines\": 1, \"note\": \"a \\\"quote\\\"\\n\"}");
        assertThat(Json.parseObject(json)).containsEntry("note", "a \"quote\"\n").containsEntry("lines", 1L);
    }
}
