package io.autoscalebot.plugin.sidekiq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

/** What validation finds without connecting, each problem at its setting, and the defaults. */
class SidekiqConfigTest {

    private final SidekiqProvider provider = new SidekiqProvider();

    @Test
    void defaultsToTheDefaultQueueOnLocalRedis() throws Exception {
        SidekiqConfig config = SidekiqConfig.from(settings(Map.of()));

        assertThat(config.address().redacted()).isEqualTo("redis://localhost:6379/0");
        assertThat(config.queues()).containsExactly("default");
        assertThat(config.keys().queue("default")).isEqualTo("queue:default");
        assertThat(config.report()).isEqualTo(Report.SIZE);
        assertThat(config.includeScheduled()).isFalse();
        assertThat(config.includeRetries()).isFalse();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(provider.validate(settings(Map.of()))).isEmpty();
    }

    @Test
    void putsTheNamespaceInFrontOfEveryKey() throws Exception {
        SidekiqKeys keys = SidekiqConfig.from(settings(Map.of("namespace", "shop"))).keys();

        assertThat(List.of(keys.queue("mailers"), keys.queues(), keys.schedule(), keys.retry()))
                .containsExactly("shop:queue:mailers", "shop:queues", "shop:schedule", "shop:retry");
    }

    @Test
    void readsAStarAsEveryQueue() throws Exception {
        assertThat(SidekiqConfig.from(settings(Map.of("queues", List.of("*")))).allQueues()).isTrue();
    }

    @Test
    void reportsAPortThatIsNotANumberAtTheUrlWithoutQuotingIt() throws Exception {
        List<SettingProblem> problems = provider.validate(settings(Map.of("url", "redis://:hunter2@cache:notaport/0")));

        assertThat(problems).containsExactly(new SettingProblem("url",
                "setting 'url': the port must be a number from 1 to 65535, like redis://host:6379/0"));
    }

    @Test
    void reportsEveryProblemAtOnceEachAtItsSetting() throws Exception {
        List<SettingProblem> problems = provider.validate(settings(Map.of(
                "url", "http://:hunter2@cache:6379/0", "queues", List.of("queue:default"), "namespace", "shop:",
                "timeout", "0s")));

        assertThat(problems).extracting(SettingProblem::key).containsExactly("url", "queues", "namespace", "timeout");
        assertThat(problems).extracting(SettingProblem::message).containsExactly(
                "setting 'url' must start with redis:// or rediss:// (TLS), got http://; write it like "
                        + "redis://:PASSWORD@host:6379/0 or rediss://USER:PASSWORD@host:6380/0",
                "setting 'queues' takes queue names, not Redis keys: write \"default\" instead of \"queue:default\"",
                "setting 'namespace' is written without the colon sidekiq-namespace adds: write \"shop\"",
                "setting 'timeout' must be between 1ms and 24d, like \"2s\"");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).doesNotContain("hunter2"));
    }

    @Test
    void refusesAnEmptyQueueList() throws Exception {
        assertThat(provider.validate(settings(Map.of("queues", List.of()))))
                .extracting(SettingProblem::message).containsExactly("setting 'queues' is empty; list at least one "
                        + "Sidekiq queue, like [\"default\"], or [\"*\"] for every queue");
    }

    @Test
    void refusesAStarBesideQueueNames() throws Exception {
        assertThat(provider.validate(settings(Map.of("queues", List.of("*", "mailers")))))
                .extracting(SettingProblem::message)
                .containsExactly("setting 'queues': \"*\" already means every queue; write [\"*\"] alone, or list the "
                        + "queues by name");
    }

    @Test
    void refusesAQueueNameWithASpaceAround() throws Exception {
        assertThat(provider.validate(settings(Map.of("queues", List.of("default", "mailers ")))))
                .extracting(SettingProblem::key).containsExactly("queues");
    }

    @Test
    void refusesCertificateOptionsWithoutTls() throws Exception {
        assertThat(provider.validate(settings(Map.of("verify_certificate", false))))
                .containsExactly(new SettingProblem("verify_certificate", "setting 'verify_certificate' only applies "
                        + "to rediss:// (TLS) URLs; remove it, or use rediss:// if the server speaks TLS"));
        assertThat(provider.validate(settings(Map.of("verify_certificate", false, "url", "rediss://h:6380/0"))))
                .isEmpty();
    }

    @Test
    void refusesToCreateAMeasureFromSettingsThatDoNotValidate() throws Exception {
        Settings settings = settings(Map.of("url", "redis://:hunter2@cache:99999/0", "namespace", "shop:"));

        assertThatThrownBy(() -> provider.create(settings, TestContexts.plugin().group("worker").clock(java.time.Clock.systemUTC()).build()))
                .isInstanceOf(PluginException.class)
                .hasMessage("setting 'url': the port must be a number from 1 to 65535, got 99999; "
                        + "setting 'namespace' is written without the colon sidekiq-namespace adds: write \"shop\"");
    }

    @Test
    void showsTheUrlAsASecret() throws Exception {
        assertThat(settings(Map.of("url", "redis://:hunter2@h:6379/0")).toString())
                .contains("url=****").doesNotContain("hunter2");
    }

    private Settings settings(Map<String, ?> raw) throws Exception {
        return TestSettings.resolve(provider.settings(), raw);
    }
}
