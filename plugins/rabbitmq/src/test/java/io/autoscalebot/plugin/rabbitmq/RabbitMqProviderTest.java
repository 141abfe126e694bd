package io.autoscalebot.plugin.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Files;
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
class RabbitMqProviderTest {

    private final RabbitMqProvider provider = new RabbitMqProvider();

    @TempDir
    Path folder;

    @Test
    void isFoundByTheServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(MeasureProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> {
                    assertThat(found.id()).isEqualTo("rabbitmq");
                    assertThat(found.kind()).isEqualTo(Kind.MEASURE);
                });
    }

    @Test
    void documentsEverySettingAndKeepsOnlyThePasswordSecret() {
        assertThat(provider.settings()).extracting(Setting::name).containsExactly("url", "username", "password",
                "vhost", "queues", "count", "report", "ca_file", "timeout");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(Setting::secret).extracting(Setting::name).containsExactly("password");
    }

    @Test
    void tellsUsersTheFiguresAreSampledEveryFiveSeconds() {
        assertThat(provider.description()).contains("sampled by RabbitMQ every 5s");
        assertThat(doc("count")).contains("samples these figures every 5s, so a reading can be that old; collect_statistics_interval");
    }

    @Test
    void givesUpBeforeTheGroupsDefaultTimeoutSoItsOwnReasonIsReported() throws Exception {
        assertThat(resolve(Map.of()).duration("timeout")).isLessThan(Duration.ofSeconds(10));
        assertThat(doc("timeout")).contains("Keep it below the group's timeout (default 10s)");
    }

    @Test
    void findsNothingWrongWithTheDefaults() throws Exception {
        assertThat(provider.validate(resolve(Map.of()))).isEmpty();
    }

    @Test
    void findsEveryProblemWithoutConnecting() throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("url", "ftp://monitor:hunter2@rabbitmq.example.com/?x=1");
        raw.put("username", "");
        raw.put("vhost", "");
        raw.put("queues", List.of("emails", " ", "emails"));
        raw.put("ca_file", folder.resolve("missing.pem").toString());
        raw.put("timeout", "0s");

        List<SettingProblem> problems = provider.validate(resolve(raw));

        assertThat(problems).extracting(SettingProblem::key).containsExactly("url", "url", "url", "username", "vhost",
                "queues", "queues", "ca_file", "ca_file", "timeout");
        assertThat(problems).extracting(SettingProblem::message).containsExactly(
                "setting 'url' must be an http or https URL, got scheme \"ftp\"; write it like "
                        + "\"http://rabbitmq.example.com:15672\"",
                "setting 'url' carries a user name or password (USER:PASSWORD@); remove it and set 'username' and "
                        + "'password' instead, so the password is kept secret",
                "setting 'url' is the management API's base URL and takes no '?query' or '#fragment'; remove them",
                "setting 'username' is empty; give the RabbitMQ user to log in as",
                "setting 'vhost' is empty; RabbitMQ's default vhost is \"/\"",
                "setting 'queues' lists an empty queue name; remove it",
                "setting 'queues' lists 'emails' twice, which would count its messages twice; list it once",
                "setting 'ca_file' applies to an https url only; remove it, or write 'url' with https://",
                "setting 'ca_file': " + folder.resolve("missing.pem") + " does not exist",
                "setting 'timeout' must be longer than 0s and below the group's timeout, like \"5s\"");
        assertThat(problems).extracting(SettingProblem::message).noneMatch(message -> message.contains("hunter2"));
    }

    @Test
    void refusesACaFileWithoutACertificate() throws Exception {
        Path notPem = Files.writeString(folder.resolve("ca.pem"), "not a certificate\n");

        List<SettingProblem> problems = provider.validate(resolve(Map.of("url", "https://rabbitmq.example.com:15671",
                "ca_file", notPem.toString())));

        assertThat(problems).singleElement().extracting(SettingProblem::message).asString()
                .startsWith("setting 'ca_file': " + notPem + " ");
    }

    @Test
    void refusesToCreateWhatValidateFindsWrong() {
        assertThatThrownBy(() -> provider.create(resolve(Map.of("queues", List.of()))
                , TestContexts.plugin().group("worker").clock(Clock.systemUTC()).build()))
                .isInstanceOf(PluginException.class)
                .hasMessage("setting 'queues' is empty; list at least one queue, like [\"emails\"]");
    }

    @Test
    void neverPrintsThePasswordOfItsConfiguration() throws Exception {
        RabbitMqConfig config = RabbitMqConfig.from(resolve(Map.of("password", "hunter2")));

        assertThat(config.toString()).contains("password=****").doesNotContain("hunter2");
    }

    private Settings resolve(Map<String, ?> overrides) throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("username", "monitor");
        raw.put("password", "hunter2");
        raw.put("queues", List.of("emails"));
        raw.putAll(overrides);
        return TestSettings.resolve(provider.settings(), raw);
    }

    private String doc(String name) {
        return provider.settings().stream().filter(setting -> setting.name().equals(name)).findFirst()
                .orElseThrow().doc();
    }
}
