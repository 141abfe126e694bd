package io.autoscalebot.plugin.heroku.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.plugin.heroku.AgainstFakeHeroku;
import io.autoscalebot.plugin.heroku.FakeHerokuApi;
import io.autoscalebot.testkit.InvalidSettingsException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HerokuScaleTest extends AgainstFakeHeroku {

    @Test
    void readsTheQuantityOfTheFormationWithTheDocumentedHeaders() throws Exception {
        heroku.formation("web", 3);

        int current = scale(Map.of()).current();

        assertThat(current).isEqualTo(3);
        FakeHerokuApi.RecordedRequest request = heroku.apiRequests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/apps/my-app/formation/web");
        assertThat(request.header("Accept")).isEqualTo("application/vnd.heroku+json; version=3");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("User-Agent")).startsWith("autoscalebot-heroku/");
        assertThat(heroku.protocolViolations()).isEmpty();
    }

    @Test
    void scalesByPatchingTheQuantityOfTheFormation() throws Exception {
        int after = scale(Map.of("process_type", "web")).scaleTo(5);

        assertThat(after).isEqualTo(5);
        assertThat(heroku.quantity("web")).isEqualTo(5);
        FakeHerokuApi.RecordedRequest request = heroku.apiRequests().get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.body()).isEqualTo("{\"quantity\":5}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(heroku.protocolViolations()).isEmpty();
    }

    @Test
    void retriesATooManyRequestsAnswerAfterTheRetryAfterHerokuGave() throws Exception {
        heroku.failNext(429, "rate_limit", "Your account reached the API rate limit", "2");

        int after = scale(Map.of()).scaleTo(4);

        assertThat(after).isEqualTo(4);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(heroku.apiRequests()).hasSize(2);
    }

    @Test
    void retriesAnUnavailableApiWithExponentialBackoff() throws Exception {
        heroku.formation("web", 2);
        heroku.failNext(503, "unavailable", "Heroku is temporarily unavailable");
        heroku.failNext(503, "unavailable", "Heroku is temporarily unavailable");

        int current = scale(Map.of()).current();

        assertThat(current).isEqualTo(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void givesUpOnAnUnavailableApiAfterMaxRetries() throws Exception {
        for (int i = 0; i < 3; i++) {
            heroku.failNext(503, "unavailable", "Heroku is temporarily unavailable");
        }
        Scale scale = scale(Map.of("max_retries", 2));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("unavailable (503): Heroku is temporarily unavailable");
        assertThat(heroku.apiRequests()).hasSize(3);
    }

    @Test
    void stopsRetryingWhenTheNextBackoffWouldRunPastTheTimeout() throws Exception {
        for (int i = 0; i < 6; i++) {
            heroku.failNext(503, "unavailable", "Heroku is temporarily unavailable");
        }
        Scale scale = scale(Map.of("max_retries", 5, "timeout", "2s"));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("Heroku did not accept the read of the web formation of my-app after 3 attempts")
                .hasMessageContaining("unavailable (503): Heroku is temporarily unavailable")
                .hasMessageContaining("a retry in 2000 ms would run past timeout 2000 ms");
        assertThat(heroku.apiRequests()).hasSize(3);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void doesNotWaitForARetryAfterThatEndsPastTheTimeout() throws Exception {
        heroku.failNext(429, "rate_limit", "Your account reached the API rate limit", "9");
        Scale scale = scale(Map.of());

        assertThatThrownBy(() -> scale.scaleTo(3))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("after 1 attempt: rate_limit (429)")
                .hasMessageContaining("Heroku asks to wait 9 s")
                .hasMessageContaining("would run past timeout 8000 ms");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void keepsACallBelowTheEnginesDefaultTimeoutOfTenSecondsByDefault() {
        assertThat(new HerokuScaleProvider().settings()).filteredOn(setting -> setting.name().equals("timeout"))
                .singleElement().satisfies(timeout -> {
                    assertThat((Duration) timeout.defaultValue()).isLessThan(Duration.ofSeconds(10));
                    assertThat(timeout.doc()).contains("Keep it below the group's `timeout` (default 10s)");
                });
    }

    @Test
    void honoursARetryAfterGivenAsAnHttpDate() throws Exception {
        heroku.failNext(503, "unavailable", "Heroku is temporarily unavailable", "Sun, 29 Nov 2026 12:00:05 GMT");

        scale(Map.of()).current();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void givesUpAtOnceWhenHerokuAsksToWaitLongerThanABackoffMayLast() throws Exception {
        heroku.failNext(429, "rate_limit", "Your account reached the API rate limit", "120");
        Scale scale = scale(Map.of());

        assertThatThrownBy(() -> scale.scaleTo(3))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("rate_limit (429): Your account reached the API rate limit")
                .hasMessageContaining("Heroku asks to wait 120 s")
                .hasMessageContaining("refills at 75 requests a minute");
        assertThat(heroku.apiRequests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retriesAnApiItCannotReachAndThenSaysToCheckApiUrl() throws Exception {
        int closedPort = closedPort();
        Scale scale = scale(Map.of("api_url", "http://127.0.0.1:" + closedPort, "max_retries", 1));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("could not reach the Heroku API at http://127.0.0.1:" + closedPort)
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("check api_url");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void saysTheTokenMayNotOperateTheAppWhenHerokuForbidsIt() throws Exception {
        heroku.failNext(403, "forbidden", "You do not have access to the app my-app.");
        Scale scale = scale(Map.of());

        assertThatThrownBy(() -> scale.scaleTo(2))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("Heroku refused the scale of web on my-app to 2: forbidden (403): "
                        + "You do not have access to the app my-app.")
                .hasMessageContaining("may not operate this app");
        assertThat(heroku.apiRequests()).hasSize(1);
    }

    @Test
    void reportsARefusedScaleWithHerokusIdAndMessageWithoutRetrying() throws Exception {
        heroku.maxQuantity(10);
        Scale scale = scale(Map.of());

        assertThatThrownBy(() -> scale.scaleTo(12))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("Heroku refused the scale of web on my-app to 12: cannot_scale (422): "
                        + "Cannot update to more than 10");
        assertThat(heroku.apiRequests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(heroku.quantity("web")).isEqualTo(1);
    }

    @Test
    void returnsTheRealQuantityAndLogsItWhenTheFormationWasScaledByHand() throws Exception {
        Scale scale = scale(Map.of());
        scale.scaleTo(2);
        heroku.formation("web", 4);

        int current = scale.current();

        assertThat(current).isEqualTo(4);
        assertThat(logger.lines()).anyMatch(line -> line.contains("web on my-app scaled by hand: 2 -> 4"));
    }

    @Test
    void saysToCheckTheTokenWhenHerokuRejectsItAndNeverShowsIt() throws Exception {
        String wrongToken = "wrong-token-987654";
        Scale scale = scale(Map.of("token", wrongToken));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("unauthorized (401): Invalid credentials provided.")
                .hasMessageContaining("check the token setting")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrongToken));
        assertThat(heroku.apiRequests()).hasSize(1);
        assertThat(logger.lines()).noneMatch(line -> line.contains(wrongToken));
    }

    @Test
    void saysToCheckTheProcessTypeWhenTheFormationDoesNotExist() throws Exception {
        Scale scale = scale(Map.of("process_type", "worker"));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("not_found (404): Couldn't find that formation.")
                .hasMessageContaining("process_type");
    }

    @Test
    void spacesCallsOutToTheRefillRateWhenTheBudgetFallsBelowTheReserve() throws Exception {
        heroku.rateLimitRemaining(100);
        Scale scale = scale(Map.of("rate_limit_reserve", 100));
        scale.current();

        int current = scale.current();

        assertThat(current).isEqualTo(1);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(800));
        assertThat(heroku.apiRequests()).hasSize(2);
        assertThat(logger.lines()).anyMatch(line -> line.contains("Heroku API budget low"));
    }

    @Test
    void skipsACallThatWouldHaveToWaitLongerThanTheTimeoutForTheBudget() throws Exception {
        heroku.rateLimitRemaining(51);
        Scale scale = scale(Map.of("rate_limit_reserve", 100, "timeout", "10s"));
        scale.current();

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("to spare the Heroku API budget: about 50 requests left")
                .hasMessageContaining("below rate_limit_reserve 100")
                .hasMessageContaining("in about 40 s");
        assertThat(heroku.apiRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(40));
        scale.current();
        assertThat(heroku.apiRequests()).hasSize(2);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void sparesTheBudgetBeforeARetryWhenTheTooManyRequestsAnswerSaidNothingIsLeft() throws Exception {
        heroku.rateLimitRemaining(1);
        heroku.failNext(429, "rate_limit", "Your account reached the API rate limit", "1");
        Scale scale = scale(Map.of("rate_limit_reserve", 100));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("skipped retry 2 of the read of the web formation of my-app")
                .hasMessageContaining("Heroku answered the last: rate_limit (429)")
                .hasMessageContaining("to spare the Heroku API budget: about 1 requests left");
        assertThat(heroku.apiRequests()).hasSize(1);
    }

    @Test
    void waitsForTheBudgetBeforeARetryWhenTheWaitFitsTheTimeout() throws Exception {
        heroku.rateLimitRemaining(3);
        heroku.failNext(429, "rate_limit", "Your account reached the API rate limit");
        Scale scale = scale(Map.of("rate_limit_reserve", 3));

        int current = scale.current();

        assertThat(current).isEqualTo(1);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(300));
        assertThat(heroku.apiRequests()).hasSize(2);
    }

    @Test
    void closesItsHttpClientOnTeardownWhereTheJdkCanCloseOne() throws Exception {
        assumeTrue(AutoCloseable.class.isAssignableFrom(HttpClient.class), "HttpClient is AutoCloseable from JDK 21");
        Scale scale = scale(Map.of("max_retries", 0));
        scale.current();

        scale.teardown();

        assertThatThrownBy(scale::current).isInstanceOf(PluginException.class)
                .hasMessageContaining("IOException: closed");
    }

    @Test
    void rejectsAnAppNameThatIsNotHerokus() {
        assertThatThrownBy(() -> scale(Map.of("app", "My App")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("app: setting 'app' must be a Heroku app name")
                .hasMessageContaining("'My App'");
    }

    @Test
    void rejectsAReserveThatWouldNeverLeaveABudgetToSpend() {
        assertThatThrownBy(() -> scale(Map.of("rate_limit_reserve", 4500)))
                .hasMessageContaining("setting 'rate_limit_reserve' must be at most 4499, got 4500");
    }

    @Test
    void rejectsAProcessTypeThatCouldLeaveTheFormationPath() {
        assertThatThrownBy(() -> scale(Map.of("process_type", "web/../../account")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("process_type: setting 'process_type' must be a process type name");
    }

    @Test
    void declaresTheTokenSecretAndDocumentsEverySetting() {
        HerokuScaleProvider provider = new HerokuScaleProvider();

        assertThat(provider.id()).isEqualTo("heroku");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(setting -> setting.name().equals("token"))
                .singleElement().satisfies(token -> assertThat(token.secret()).isTrue());
        assertThat(provider.settings()).extracting(setting -> setting.name()).containsExactly("app", "process_type",
                "token", "api_url", "timeout", "max_retries", "rate_limit_reserve");
    }

    private Scale scale(Map<String, Object> overrides) throws Exception {
        return create(new HerokuScaleProvider(sleeper), overrides);
    }
}
