package io.autoscalebot.plugin.heroku.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's JSON: Jackson underneath, problems told in the plugin's words without echoing the body. */
class JsonTest {

    @Test
    void readsAFormationKeepingMemberOrder() {
        ObjectNode formation = Json.parseObject("{\"app\": {\"name\": \"my-app\"}, \"quantity\": 3,"
                + " \"size\": \"standard-1X\", \"gone\": null}");

        assertThat(formation.path("app").path("name").textValue()).isEqualTo("my-app");
        assertThat(formation.path("quantity").intValue()).isEqualTo(3);
        assertThat(formation.fieldNames()).toIterable().containsExactly("app", "quantity", "size", "gone");
    }

    @Test
    void saysWhereABodyIsNotJson() {
        assertThatThrownBy(() -> Json.parseObject("<html>Bad gateway</html>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not valid JSON at line 1, column 1");
        assertThatThrownBy(() -> Json.parseObject("{\"id\": \"x\"\n \"message\": 1}"))
                .hasMessage("not valid JSON at line 2, column 2");
        assertThatThrownBy(() -> Json.parseObject("{\"a\": 1} {\"b\": 2}"))
                .hasMessageStartingWith("not valid JSON: more text after the value at line 1");
        assertThatThrownBy(() -> Json.parseObject("{\"open"))
                .hasMessageStartingWith("not valid JSON: the body ends inside its value at line 1");
    }

    @Test
    void neverEchoesTheBodyOrJacksonsOwnWordsInAProblem() {
        // Jackson's message would quote the word and name its settings; a proxy may echo what it was sent.
        for (String body : new String[] {"t0k3n-s3cr3t was refused", "NaN", "{\"a\": [" + "[".repeat(100) + "]}"}) {
            assertThatThrownBy(() -> Json.parseObject(body))
                    .isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain("t0k3n", "NaN", "Jackson", "jackson", "Source", "`", "\n");
        }
    }

    @Test
    void refusesBodiesNestedBeyondWhatAHerokuAnswerNeeds() {
        assertThatThrownBy(() -> Json.parseObject("{\"a\": " + "[".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a Heroku answer: nested deeper");
    }

    @Test
    void refusesABodyThatIsNotAnObjectWhereAnObjectIsExpected() {
        assertThatThrownBy(() -> Json.parseObject("[1, 2]")).hasMessage("expected a JSON object, got an array");
        assertThatThrownBy(() -> Json.parseObject("\"up\"")).hasMessage("expected a JSON object, got the string \"up\"");
        assertThatThrownBy(() -> Json.parseObject("")).hasMessage("expected a JSON object, got an empty body");
    }

    @Test
    void writesAFlatObjectInOrderThatReadsBack() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("dyno", "router");
        members.put("tail", true);
        members.put("lines", 1);
        members.put("note", "a \"quote\"\n");

        ObjectNode written = Json.parseObject(Json.write(members));

        assertThat(written.fieldNames()).toIterable().containsExactly("dyno", "tail", "lines", "note");
        assertThat(written.path("note").textValue()).isEqualTo("a \"quote\"\n");
        assertThat(written.path("tail").booleanValue()).isTrue();
        assertThat(written.path("lines").intValue()).isEqualTo(1);
    }
}
