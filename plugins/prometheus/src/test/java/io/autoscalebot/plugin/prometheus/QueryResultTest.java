package io.autoscalebot.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.PluginException;
import org.junit.jupiter.api.Test;

/** Sample values as Prometheus writes them (Go's float formatting), and series as PromQL writes them. */
class QueryResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsValuesInGoFloatFormat() throws Exception {
        assertThat(QueryResult.value(vector("1e+06"), "q")).isEqualTo(1_000_000.0);
        assertThat(QueryResult.value(vector("-0.25"), "q")).isEqualTo(-0.25);
    }

    @Test
    void refusesAValueThatIsNotANumber() {
        assertThatThrownBy(() -> QueryResult.value(vector("lots"), "q"))
                .isInstanceOf(PluginException.class)
                .hasMessage("query \"q\" returned \"lots\" for {}, which is not a number");
    }

    @Test
    void refusesANativeHistogramSayingHowToReadANumberFromIt() throws Exception {
        JsonNode data = JSON.readTree("{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"__name__\":\"rpc\"},"
                + "\"histogram\":[1.5,{\"count\":\"3\",\"sum\":\"1.2\"}]}]}");

        assertThatThrownBy(() -> QueryResult.value(data, "rpc"))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("query \"rpc\" returned a native histogram for rpc{}, not a number");
    }

    @Test
    void doesNotRepeatALongQueryInTheSuggestionForSeveralSeries() throws Exception {
        JsonNode data = JSON.readTree("{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1\"]},"
                + "{\"metric\":{},\"value\":[1,\"2\"]}]}");

        assertThatThrownBy(() -> QueryResult.value(data, "x".repeat(100)))
                .hasMessageEndingWith("aggregate them, like sum(...) or max(...)");
    }

    @Test
    void writesSeriesAsPromqlDoesEscapingQuotes() throws Exception {
        JsonNode metric = JSON.readTree("{\"__name__\":\"up\",\"job\":\"a\\\"b\",\"instance\":\"h:9\"}");

        assertThat(QueryResult.labels(metric)).isEqualTo("up{job=\"a\\\"b\", instance=\"h:9\"}");
    }

    @Test
    void showsTenLabelsAndCountsTheRest() throws Exception {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
        }
        JsonNode metric = JSON.readTree(labels.append("}").toString());

        assertThat(QueryResult.labels(metric)).endsWith("l9=\"v\", ... 2 more}");
    }

    @Test
    void cutsALongQueryInMessages() {
        assertThat(Queries.shown("sum(\n  x\n)")).isEqualTo("\"sum( x )\"");
        assertThat(Queries.shown("x".repeat(500))).hasSize(125).endsWith("...\"");
    }

    private static JsonNode vector(String value) throws Exception {
        return JSON.readTree("{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1.5,\"" + value
                + "\"]}]}");
    }
}
