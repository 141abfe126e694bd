package io.autoscalebot.plugin.heroku.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.plugin.heroku.AgainstFakeHeroku;
import io.autoscalebot.plugin.heroku.FakeHerokuApi;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class HerokuServiceTimeTest extends AgainstFakeHeroku {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

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
        assertThat(session.body()).contains("\"dyno_name\":\"router\"", "\"dyno\":\"router\"", "\"source\":\"heroku\"", "\"tail\":true");
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
                .contains("within 300 ms (log_timeout)");
    }

    @Test
    void waitsForTheRouterLineOnlyWhatIsLeftOfTheTimeoutForTheWholeMeasurement() throws Exception {
        heroku.routerLogs(false);
        heroku.failNext(503, "unavailable", "Heroku is temporarily unavailable");

        Measurement measurement = measure(Map.of("timeout", "1s", "log_timeout", "900ms")).measure();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(measurement.failure()).contains("no router log line for request")
                .contains("within 500 ms (what was left of timeout 1000 ms for the whole measurement)");
    }

    @Test
    void fitsTheWholeMeasurementInTheEnginesDefaultTimeoutOfTenSecondsByDefault() {
        Map<String, Object> defaults = new HashMap<>();
        new HerokuServiceTimeProvider().settings().forEach(setting -> defaults.put(setting.name(),
                setting.defaultValue()));

        assertThat((Duration) defaults.get("timeout")).isLessThan(Duration.ofSeconds(10));
        assertThat((Duration) defaults.get("log_timeout")).isLessThan((Duration) defaults.get("timeout"));
    }

    @Test
    void closesTheLogStreamWhenTheEngineInterruptsTheMeasurementWhileTheStreamConnects() throws Exception {
        heroku.holdLogStreamHeaders(true);
        Measure measure = measure(Map.of());

        CompletableFuture<Throwable> outcome = interruptWhen(measure, () -> heroku.openLogStreams() == 1);
        heroku.holdLogStreamHeaders(false);

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        eventually("the fake sees the log stream closed", () -> heroku.openLogStreams() == 0);
    }

    @Test
    void closesTheLogStreamWhenTheEngineInterruptsTheMeasurementWhileItWaitsForTheLine() throws Exception {
        heroku.routerLogs(false);
        Measure measure = measure(Map.of());

        CompletableFuture<Throwable> outcome = interruptWhen(measure, () -> heroku.openLogStreams() == 1
                && heroku.requests().stream().anyMatch(request -> request.path().equals("/app/health")));

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        eventually("the fake sees the log stream closed", () -> heroku.openLogStreams() == 0);
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
        int closedPort = closedPort();

        Measurement measurement = measure(Map.of("url", "http://127.0.0.1:" + closedPort + "/health")).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).contains("could not request http://127.0.0.1:" + closedPort + "/health");
    }

    @Test
    void showsTheUrlWithoutItsUserInfoOrQueryWhenTheAppCannotBeReached() throws Exception {
        int closedPort = closedPort();

        Measurement measurement = measure(Map.of("url", "http://probe:pa55word@127.0.0.1:" + closedPort
                + "/health?key=s3cret")).measure();

        assertThat(measurement.failure()).contains("could not request http://127.0.0.1:" + closedPort + "/health ")
                .doesNotContain("pa55word").doesNotContain("s3cret").doesNotContain("probe");
    }

    @Test
    void showsTheUrlWithoutItsUserInfoOrQueryWhenTheRouterLineDoesNotArrive() throws Exception {
        heroku.routerLogs(false);
        String url = heroku.appUrl("/health").toString().replace("://", "://probe:pa55word@") + "?key=s3cret";

        Measurement measurement = measure(Map.of("url", url, "log_timeout", "100ms")).measure();

        assertThat(measurement.failure()).contains(" to " + heroku.appUrl("/health") + " arrived")
                .doesNotContain("pa55word").doesNotContain("s3cret").doesNotContain("probe");
    }

    @Test
    void declaresTheTokenSecretAndDocumentsEverySetting() {
        HerokuServiceTimeProvider provider = new HerokuServiceTimeProvider();

        assertThat(provider.id()).isEqualTo("heroku-service-time");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(setting -> setting.secret())
                .extracting(setting -> setting.name()).containsExactly("token");
        assertThat(provider.settings()).extracting(setting -> setting.name()).containsExactly("app", "url",
                "log_timeout", "token", "api_url", "timeout", "max_retries", "rate_limit_reserve");
    }

    /** Measures on another thread and interrupts it, as the engine does at its timeout, once the condition holds. */
    private static CompletableFuture<Throwable> interruptWhen(Measure measure, BooleanSupplier condition) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread measuring = new Thread(() -> {
            try {
                outcome.complete(new AssertionError("measured without being interrupted: " + measure.measure()));
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        }, "measure");
        measuring.start();
        eventually("the measurement reached the point to interrupt", condition);
        measuring.interrupt();
        return outcome;
    }

    private Measure measure(Map<String, Object> overrides) throws Exception {
        Map<String, Object> withUrl = new HashMap<>(Map.of("url", heroku.appUrl("/health").toString()));
        withUrl.putAll(overrides);
        return create(new HerokuServiceTimeProvider(sleeper), withUrl);
    }
}
