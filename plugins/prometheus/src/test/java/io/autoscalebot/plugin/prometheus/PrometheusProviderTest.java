package io.autoscalebot.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

/** How the engine finds, documents and checks the plugin, none of which connects anywhere. */
class PrometheusProviderTest {

    private final PrometheusProvider provider = new PrometheusProvider();

    @TempDir
    Path folder;

    @Test
    void isFoundByTheServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(MeasureProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> {
                    assertThat(found.id()).isEqualTo("prometheus");
                    assertThat(found.kind()).isEqualTo(Kind.MEASURE);
                });
    }

    @Test
    void documentsEverySettingAndKeepsTheTokenAndPasswordSecret() {
        assertThat(provider.settings()).extracting(Setting::name).containsExactly("url", "query", "unit", "token",
                "username", "password", "ca_file", "timeout");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(Setting::secret).extracting(Setting::name)
                .containsExactly("token", "password");
    }

    @Test
    void givesUpBeforeTheGroupsDefaultTimeoutSoItsOwnReasonIsReported() throws Exception {
        assertThat(resolve(Map.of()).duration("timeout")).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void findsNothingWrongWithAQueryAndTheDefaults() throws Exception {
        assertThat(provider.validate(resolve(Map.of()))).isEmpty();
    }

    @Test
    void findsEveryProblemWithoutConnecting() throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("url", "http://grafana:hunter2@prometheus.example.com:9090/api/v1/query?query=up");
        raw.put("query", "  ");
        raw.put("token", "t0ken");
        raw.put("username", "grafana");
        raw.put("ca_file", folder.resolve("ca.pem").toString());
        raw.put("timeout", "0s");

        List<SettingProblem> problems = provider.validate(resolve(raw));

        assertThat(problems).extracting(SettingProblem::key).containsExactly("url", "url", "url", "query", "token",
                "password", "ca_file", "ca_file", "timeout");
        assertThat(problems).extracting(SettingProblem::message).containsExactly(
                "setting 'url' carries a user name or password (USER:PASSWORD@); remove it and set 'username' and "
                        + "'password' instead, so the password is kept secret",
                "setting 'url' is Prometheus's base URL and takes no '?query' or '#fragment'; put the PromQL "
                        + "expression in setting 'query'",
                "setting 'url' is Prometheus's base URL, without /api/v1/query: the plugin adds /api/v1/query itself",
                "setting 'query' is empty; give a PromQL expression that returns one series, like \"sum(jobs_waiting)\"",
                "settings 'token' and 'username'/'password' are two ways to log in; keep the one your Prometheus or "
                        + "its proxy expects",
                "setting 'username' needs 'password' too: HTTP Basic authentication sends both",
                "setting 'ca_file' applies to an https url only; remove it, or write 'url' with https://",
                "setting 'ca_file': " + folder.resolve("ca.pem") + " does not exist",
                "setting 'timeout' must be longer than 0s and below the group's timeout, like \"5s\"");
        assertThat(problems).extracting(SettingProblem::message).noneMatch(message -> message.contains("hunter2")
                || message.contains("t0ken"));
    }

    @Test
    void refusesAUrlThatIsNotHttp() throws Exception {
        assertThat(provider.validate(resolve(Map.of("url", "ftp://prometheus.example.com"))))
                .extracting(SettingProblem::message).containsExactly("setting 'url' must be an http or https URL, got "
                        + "scheme \"ftp\"; write it like \"http://prometheus:9090\"");
    }

    @Test
    void refusesToCreateWhatValidateFindsWrong() {
        assertThatThrownBy(() -> provider.create(resolve(Map.of("query", "")), TestContexts.plugin().group("worker").clock(Clock.systemUTC()).build()))
                .isInstanceOf(PluginException.class)
                .hasMessage("setting 'query' is empty; give a PromQL expression that returns one series, like "
                        + "\"sum(jobs_waiting)\"");
    }

    @Test
    void neverPrintsTheSecretsOfItsConfiguration() throws Exception {
        PrometheusConfig config = PrometheusConfig.from(resolve(Map.of("username", "grafana", "password", "hunter2")));

        assertThat(config.toString()).contains("password=Optional[****]").doesNotContain("hunter2");
    }

    private Settings resolve(Map<String, ?> overrides) throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("query", "sum(jobs_waiting)");
        raw.putAll(overrides);
        return TestSettings.resolve(provider.settings(), raw);
    }
}
