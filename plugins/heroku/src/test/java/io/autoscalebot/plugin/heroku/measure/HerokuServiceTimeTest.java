package io.autoscalebot.plugin.heroku.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.heroku.FakeHerokuApi;
import io.autoscalebot.plugin.heroku.MutableClock;
import io.autoscalebot.plugin.heroku.RecordingLogger;
import io.autoscalebot.plugin.heroku.RecordingSleeper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuServiceTimeTest {

    private static final String TOKEN = "0123-secret-token-4567";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path state;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private FakeHerokuApi heroku;

    @BeforeEach
    void startHeroku() throws Exception {
        heroku = FakeHerokuApi.start("my-app", TOKEN);
    }

    @AfterEach
    void stopHeroku() {
        heroku.close();
    }

    @Test
    void measuresTheServiceTimeOfItsOwnRequestFromTheRouterLog() throws Exception {
        heroku.serviceMillis(123);

        Measurement measurement = measure(Map.of()).measure();

        assertThat(measurement.hasValue()).as(measurement.describe()).isTrue();
        assertThat(measurement.value()).isEqualTo(123);
        assertThat(measurement.unit()).isEqualTo("ms");
        assertThat(measurement.time()).isEqualTo(clock.instant());
        assertThat(heroku.protocolViolations()).isEmpty();
    }

    @Test
    void opensARouterLogSessionBeforeSendingTheRequestWithAUniqueRequestId() throws Exception {
        measure(Map.of()).measure();

        List<FakeHerokuApi.RecordedRequest> requests = heroku.requests();
        assertThat(requests).extracting(FakeHerokuApi.RecordedRequest::path)
                .containsSubsequence("/apps/my-app/log-sessions", "/app/health");
        FakeHerokuApi.RecordedRequest session = requests.get(0);
        assertThat(session.method()).isEqualTo("POST");
        assertThat(session.body()).contains("\"dyno\": \"router\"", "\"source\": \"heroku\"", "\"tail\": true");
        assertThat(session.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        FakeHerokuApi.RecordedRequest appRequest = requests.stream()
                .filter(r -> r.path().equals("/app/health")).findFirst().orElseThrow();
        assertThat(appRequest.header("X-Request-ID")).matches(UUID_PATTERN);
        assertThat(appRequest.header("Authorization")).as("the token is for the API, not the app").isNull();
    }

    @Test
    void failsWhenTheRouterLineDoesNotArriveWithinTheLogTimeout() throws Exception {
        heroku.routerLogs(false);

        Measurement measurement = measure(Map.of("log_timeout", "300ms")).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).contains("no router log line for request")
                .contains("within log_timeout 300 ms");
    }

    @Test
    void failsWithHerokusMessageWhenTheLogSessionIsRefused() throws Exception {
        Measurement measurement = measure(Map.of("app", "other-app")).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure())
                .contains("Heroku refused the log session for the router lines of other-app")
                .contains("not_found (404): Couldn't find that app.");
    }

    @Test
    void failsWhenTheAppCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Measurement measurement = measure(Map.of("url", "http://127.0.0.1:" + closedPort + "/health")).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).contains("could not request http://127.0.0.1:" + closedPort + "/health");
    }

    @Test
    void declaresTheTokenSecretAndDocumentsEverySetting() {
        HerokuServiceTimeProvider provider = new HerokuServiceTimeProvider();

        assertThat(provider.id()).isEqualTo("heroku-service-time");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(setting -> setting.secret())
                .extracting(setting -> setting.name()).containsExactly("token");
    }

    private Measure measure(Map<String, Object> overrides) throws Exception {
        HerokuServiceTimeProvider provider = new HerokuServiceTimeProvider(new RecordingSleeper(clock));
        Map<String, Object> raw = new HashMap<>(Map.of("app", "my-app", "token", TOKEN,
                "api_url", heroku.baseUri().toString(), "url", heroku.appUrl("/health").toString()));
        raw.putAll(overrides);
        Settings settings = Settings.resolve(provider.settings(), raw);
        return provider.create(settings, new PluginContext("web", clock, new RecordingLogger(), state, false));
    }
}
