package io.autoscalebot.plugin.prometheus;

import io.autoscalebot.testkit.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readings from a real Prometheus that scrapes a target the test serves: {@code jobs_waiting} has two series (3 and 4),
 * {@code broken_ratio} is NaN and {@code overflow} is +Inf.
 */
@ExtendWith(PrometheusExtension.class)
class PrometheusMeasureTest {

    private static PrometheusServer prometheus;
    private static MetricsTarget target;

    @BeforeAll
    static void arrange(PrometheusServer server, MetricsTarget metrics) {
        prometheus = server;
        target = metrics;
    }

    @Test
    void readsTheValueOfAQueryThatReturnsOneSeries() throws Exception {
        Map<String, Object> settings = settings("sum(jobs_waiting)");
        settings.put("unit", "jobs");

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isNull();
        assertThat(reading.value()).isEqualTo(7.0);
        assertThat(reading.unit()).isEqualTo("jobs");
    }

    @Test
    void readsTheNewValueOnceAScrapeHasSeenIt() throws Exception {
        target.gauge("backlog", "", "12");
        Eventually.await("Prometheus to scrape backlog 12", () -> prometheus.query("backlog"),
                answer -> answer.path("data").path("result").path(0).path("value").path(1).asText().equals("12"));

        Measurement reading = Measuring.once(settings("backlog"));

        assertThat(reading.value()).isEqualTo(12.0);
    }

    @Test
    void sendsAQueryTooLongForAUrlAsAForm() throws Exception {
        // The same sum, written out series by series: over 2000 characters, so the plugin POSTs it.
        StringBuilder longQuery = new StringBuilder("sum(jobs_waiting)");
        for (int i = 0; i < 120; i++) {
            longQuery.append(" + 0 * sum(jobs_waiting{queue=~\"emails|reports\"})");
        }

        Measurement reading = Measuring.once(settings(longQuery.toString()));

        assertThat(longQuery.length()).isGreaterThan(QueryApi.MAX_GET_PARAMETERS);
        assertThat(reading.value()).isEqualTo(7.0);
    }

    @Test
    void failsOnAnEmptyResultSayingWhatToCheck() throws Exception {
        Measurement reading = Measuring.once(settings("jobs_waiting{queue=\"missing\"}"));

        assertThat(reading.failure()).isEqualTo("Prometheus at " + prometheus.url() + ": query \"jobs_waiting{queue="
                + "\"missing\"}\" returned no series: nothing matched, or nothing was scraped in the last 5 minutes "
                + "(Prometheus's lookback); check the metric and label names, or append \"or vector(0)\" if no series "
                + "means 0");
    }

    @Test
    void failsOnSeveralSeriesSayingHowManyAndShowingTheFirst() throws Exception {
        Measurement reading = Measuring.once(settings("jobs_waiting"));

        assertThat(reading.failure()).startsWith("Prometheus at " + prometheus.url() + ": query \"jobs_waiting\" "
                        + "returned 2 series, the first jobs_waiting{")
                .contains("job=\"app\"", "queue=\"")
                .endsWith("; a measure needs one number: aggregate them, like sum(jobs_waiting) or max(jobs_waiting)");
    }

    @Test
    void failsOnNaN() throws Exception {
        Measurement reading = Measuring.once(settings("broken_ratio"));

        assertThat(reading.failure()).contains("query \"broken_ratio\" returned NaN for broken_ratio{instance=\""
                + target.address() + "\", job=\"app\"}: not a number");
    }

    @Test
    void failsOnAnInfiniteValueEitherWay() throws Exception {
        Measurement positive = Measuring.once(settings("overflow"));
        Measurement negative = Measuring.once(settings("-overflow"));

        assertThat(positive.failure()).contains("returned +Inf for overflow{").contains("an infinite value");
        assertThat(negative.failure()).contains("returned -Inf for {").contains("an infinite value");
    }

    @Test
    void failsOnAScalarWhichHidesWhetherAnythingMatched() throws Exception {
        Measurement reading = Measuring.once(settings("scalar(sum(jobs_waiting))"));

        assertThat(reading.failure()).contains("returned a scalar, not a series")
                .contains("like sum(metric) instead of scalar(sum(metric))");
    }

    @Test
    void failsOnARangeVector() throws Exception {
        Measurement reading = Measuring.once(settings("jobs_waiting[1m]"));

        assertThat(reading.failure()).contains("returned a range vector (2 series of samples over time)")
                .contains("rate(metric[5m])");
    }

    @Test
    void reportsPrometheussOwnReasonForAQueryItCannotParse() throws Exception {
        Measurement reading = Measuring.once(settings("sum(jobs_waiting"));

        assertThat(reading.failure()).startsWith("Prometheus at " + prometheus.url() + " rejected query "
                        + "\"sum(jobs_waiting\" (bad_data): invalid parameter \"query\": ")
                .contains("parse error")
                .endsWith("; fix setting 'query'");
    }

    @Test
    void reportsPrometheussOwnReasonForAQueryThatFailsToRun() throws Exception {
        // Both series of jobs_waiting match vector(1)'s empty label set: Prometheus refuses the ambiguous match.
        Measurement reading = Measuring.once(settings("vector(1) + on() jobs_waiting"));

        assertThat(reading.failure()).startsWith("Prometheus at " + prometheus.url() + " could not run query "
                + "\"vector(1) + on() jobs_waiting\" (execution): ").contains("duplicate series");
    }

    @Test
    void saysAnAppIsNotPrometheusWhenUrlPointsAtIt() throws Exception {
        Map<String, Object> settings = settings("sum(jobs_waiting)");
        settings.put("url", target.url());

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).startsWith("Prometheus at " + target.url() + " answered HTTP 404 for "
                + "/api/v1/query").endsWith("; check that setting 'url' is Prometheus's base URL (with its "
                + "--web.route-prefix, if it has one)");
    }

    @Test
    void saysOtherJsonIsNotPrometheussAnswer() throws Exception {
        Map<String, Object> settings = settings("sum(jobs_waiting)");
        settings.put("url", target.url() + "/other-api");

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isEqualTo("Prometheus at " + target.url() + "/other-api answered HTTP 200 with "
                + "JSON that is not Prometheus's API answer; the response starts with: {\"data\":[1,2,3],\"ok\":true}; "
                + "check that setting 'url' is Prometheus's base URL, like http://prometheus:9090");
    }

    @Test
    void givesUpWhenTheTimeoutRunsOutAndSaysWhichSetting() throws Exception {
        Map<String, Object> settings = settings("sum(jobs_waiting)");
        settings.put("url", target.url() + "/hung");
        settings.put("timeout", "300ms");

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isEqualTo("Prometheus at " + target.url() + "/hung did not answer within 300ms "
                + "(setting 'timeout'); make the query cheaper (a recording rule helps) or raise 'timeout' (below the "
                + "group's timeout)");
    }

    @Test
    void saysWhatToCheckWhenNothingListens() throws Exception {
        int closedPort = closedPort();
        Map<String, Object> settings = settings("sum(jobs_waiting)");
        settings.put("url", "http://127.0.0.1:" + closedPort);

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isEqualTo("Prometheus at http://127.0.0.1:" + closedPort + ": cannot connect to "
                + "127.0.0.1:" + closedPort + "; check that Prometheus runs there (port 9090 by default) and the host "
                + "and port in setting 'url'");
    }

    private static Map<String, Object> settings(String query) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", prometheus.url());
        settings.put("query", query);
        return settings;
    }

    /** A port nothing listens on: one the system just handed out and took back. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
