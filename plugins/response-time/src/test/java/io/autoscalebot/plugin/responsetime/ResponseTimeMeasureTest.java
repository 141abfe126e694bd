package io.autoscalebot.plugin.responsetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.testkit.CapturingLogger;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseTimeMeasureTest {

    private static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    private final CapturingLogger logger = new CapturingLogger();
    private HealthServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new HealthServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Measure measure(String url, Object... more) throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("url", url);
        for (int i = 0; i < more.length; i += 2) {
            raw.put((String) more[i], more[i + 1]);
        }
        ResponseTimeProvider provider = new ResponseTimeProvider();
        PluginContext context = TestContexts.plugin().clock(Clock.fixed(NOW, ZoneOffset.UTC)).logger(logger).build();
        return provider.create(TestSettings.resolve(provider, raw), context);
    }

    @Test
    void timesAFastGetInMillisecondsAtTheEngineClocksTime() throws Exception {
        Measurement measurement = measure(server.base() + "/health").measure();

        assertThat(measurement.hasValue()).isTrue();
        assertThat(measurement.unit()).isEqualTo("ms");
        assertThat(measurement.value()).isNotNegative();
        assertThat(measurement.time()).isEqualTo(NOW);
    }

    @Test
    void aSlowResponseMeasuresAtLeastItsDelay() throws Exception {
        Measurement measurement = measure(server.base() + "/slow").measure();

        assertThat(measurement.value()).isGreaterThanOrEqualTo(HealthServer.SLOW_MILLIS);
    }

    @Test
    void anUnexpectedStatusIsAFailedMeasurementWhenOnFailureIsFail() throws Exception {
        Measurement measurement = measure(server.base() + "/down", "on_failure", "fail").measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).isEqualTo("GET " + server.base() + "/down returned 503, expected 200");
    }

    @Test
    void anUnexpectedStatusCountsAsTheTimeoutAndIsLoggedWhenOnFailureIsSlow() throws Exception {
        Measurement measurement = measure(server.base() + "/down").measure();

        assertThat(measurement.value()).isEqualTo(5_000.0);
        assertThat(logger.lines()).containsExactly("WARNING GET " + server.base()
                + "/down returned 503, expected 200; counting it as 5000 ms (on_failure = \"slow\")");
    }

    @Test
    void anotherExpectedStatusIsASuccess() throws Exception {
        Measurement measurement = measure(server.base() + "/down", "expected_status", 503, "on_failure", "fail")
                .measure();

        assertThat(measurement.hasValue()).isTrue();
    }

    @Test
    void aRefusedConnectionIsAFailedMeasurement() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/health";

        Measurement measurement = measure(url, "on_failure", "fail").measure();

        assertThat(measurement.failure()).isEqualTo("GET " + url + ": connection refused");
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsAFailedMeasurement() throws Exception {
        Measurement measurement = measure(server.base() + "/hang", "timeout", "200ms", "on_failure", "fail").measure();

        assertThat(measurement.failure()).isEqualTo("GET " + server.base() + "/hang timed out after 200ms");
    }

    @Test
    void aBodyThatNeverEndsTimesOutLikeAResponseThatNeverStarts() throws Exception {
        Measurement measurement = measure(server.base() + "/trickle", "timeout", "200ms", "on_failure", "fail")
                .measure();

        assertThat(measurement.failure()).isEqualTo("GET " + server.base() + "/trickle timed out after 200ms");
    }

    @Test
    void aTimeoutCountsAsTheTimeoutWhenOnFailureIsSlow() throws Exception {
        Measurement measurement = measure(server.base() + "/hang", "timeout", "200ms").measure();

        assertThat(measurement.value()).isEqualTo(200.0);
        assertThat(logger.lines()).singleElement().asString().contains("timed out after 200ms");
    }

    @Test
    void sendsCredentialsFromTheUrlAsBasicAuthentication() throws Exception {
        Measurement measurement = measure(server.baseWithCredentials() + "/private", "on_failure", "fail").measure();

        assertThat(measurement.hasValue()).isTrue();
        assertThat(server.authorizations).containsExactly(HealthServer.BASIC_USER_PASSWORD);
    }

    @Test
    void requestsTheEncodedPathAndQueryAsWrittenWithoutDecodingThem() throws Exception {
        Measurement measurement = measure(server.baseWithCredentials() + "/files/a%2Fb?x=1%262", "on_failure", "fail")
                .measure();

        assertThat(measurement.hasValue()).isTrue();
        assertThat(server.rawRequests).containsExactly("/files/a%2Fb?x=1%262");
    }

    @Test
    void neverShowsCredentialsOrTheQueryInAMessage() throws Exception {
        Measurement measurement = measure(server.baseWithCredentials() + "/down?token=t0ps3cret", "on_failure", "fail")
                .measure();

        assertThat(measurement.failure()).isEqualTo("GET " + server.base() + "/down returned 503, expected 200")
                .doesNotContain("s3cret").doesNotContain("user");
    }

    @Test
    void teardownClosesTheHttpClientOnAJdkWhereItCanBeClosed() throws Exception {
        assumeTrue(AutoCloseable.class.isAssignableFrom(HttpClient.class), "HttpClient is closeable from JDK 21");
        Measure measure = measure(server.base() + "/files/health", "on_failure", "fail");

        measure.teardown();

        assertThat(measure.measure().succeeded()).isFalse();
        assertThat(server.rawRequests).isEmpty();
    }

}
