package io.autoscalebot.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** {@code --log-format json}: each record one line that Jackson parses, with the line's fields as members. */
class JsonFormatterTest {

    private final JsonFormatter formatter = new JsonFormatter();
    private final ObjectMapper mapper = new ObjectMapper();

    private static LogRecord tickLine() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("group", "web");
        fields.put("outcome", "scaled");
        fields.put("from", 2);
        fields.put("to", 3);
        fields.put("reason", "p95 1500 ms > 1200 ms for 3 ticks; 'quoted' {0}");
        LogRecord line = new LogRecord(Level.INFO, "web: current 2, measured 1500 ms, scaled 2 -> 3: busy 'x' {0}");
        line.setParameters(new Object[] {fields});
        line.setLoggerName("io.autoscalebot.engine.web");
        line.setInstant(Instant.parse("2026-12-02T05:00:00.123Z"));
        return line;
    }

    @Test
    void writesOneObjectPerLineWithTimeLevelLoggerGroupMessageAndTheFields() throws Exception {
        String text = formatter.format(tickLine());

        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.strip()).doesNotContain("\n");
        JsonNode line = mapper.readTree(text);
        assertThat(line.get("time").asText()).isEqualTo("2026-12-02T05:00:00.123Z");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo("io.autoscalebot.engine.web");
        assertThat(line.get("group").asText()).isEqualTo("web");
        assertThat(line.get("message").asText())
                .isEqualTo("web: current 2, measured 1500 ms, scaled 2 -> 3: busy 'x' {0}");
        assertThat(line.get("from").isInt()).isTrue();
        assertThat(line.get("from").asInt()).isEqualTo(2);
        assertThat(line.get("to").asInt()).isEqualTo(3);
        assertThat(line.get("reason").asText()).isEqualTo("p95 1500 ms > 1200 ms for 3 ticks; 'quoted' {0}");
        assertThat(line.get("outcome").asText()).isEqualTo("scaled");
    }

    @Test
    void namesTheGroupOfAPluginsLineFromItsLoggerAndWarningsAsWarnWithTheTrace() throws Exception {
        LogRecord line = new LogRecord(Level.WARNING, "queue \"jobs\" not found");
        line.setLoggerName("io.autoscalebot.plugin.worker.measure.rabbitmq");
        line.setThrown(new IllegalStateException("404"));

        JsonNode json = mapper.readTree(formatter.format(line));

        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("group").asText()).isEqualTo("worker");
        assertThat(json.get("message").asText()).isEqualTo("queue \"jobs\" not found");
        assertThat(json.get("error").asText()).startsWith("java.lang.IllegalStateException: 404");
    }

    @Test
    void anEngineLineWithoutAGroupHasNoGroupMember() throws Exception {
        LogRecord line = new LogRecord(Level.INFO, "started 3 groups");
        line.setLoggerName("io.autoscalebot.engine");

        JsonNode json = mapper.readTree(formatter.format(line));

        assertThat(json.has("group")).isFalse();
        assertThat(json.get("message").asText()).isEqualTo("started 3 groups");
    }

    @Test
    void theTextFormatPrintsALineWithFieldsLiterally() {
        assertThat(new LineFormatter().formatMessage(tickLine()))
                .isEqualTo("web: current 2, measured 1500 ms, scaled 2 -> 3: busy 'x' {0}");
    }
}
