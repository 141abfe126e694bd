package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the settings schema cannot check alone. */
class CeleryRedisConfigTest {

    @Test
    void defaultsToCeleryOnLocalRedisWithKombusPriorityLists() throws Exception {
        CeleryRedisConfig config = config(Map.of());

        assertThat(config.address().redacted()).isEqualTo("redis://localhost:6379/0");
        assertThat(config.keys()).extracting(QueueKey::key)
                .containsExactly("celery", "celery\u0006\u00163", "celery\u0006\u00166", "celery\u0006\u00169");
        assertThat(config.unackedKey()).isNull();
        assertThat(config.report()).isEqualTo(Report.COUNT);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void sortsPriorityStepsAndCountsStepZeroOnceAsTheBareKey() throws Exception {
        CeleryRedisConfig config = config(Map.of("priority_steps", List.of(9, 0, 3, 3)));

        assertThat(config.keys()).extracting(QueueKey::priority).containsExactly(0, 3, 9);
    }

    @Test
    void prefixesTheQueueAndUnackedKeys() throws Exception {
        CeleryRedisConfig config = config(Map.of("key_prefix", "app1:", "priority_steps", List.of(),
                "include_unacked", true));

        assertThat(config.keys()).extracting(QueueKey::key).containsExactly("app1:celery");
        assertThat(config.unackedKey()).isEqualTo("app1:unacked");
    }

    @Test
    void refusesAPriorityStepThatIsNotAWholeNumber() {
        assertThatThrownBy(() -> config(Map.of("priority_steps", List.of(3, "high"))))
                .hasMessageContaining("setting 'priority_steps' expected a list of integers, found item the string"
                        + " \"high\"");
    }

    @Test
    void refusesANegativePriorityStep() {
        assertThatThrownBy(() -> config(Map.of("priority_steps", List.of(3, -3))))
                .hasMessageContaining("setting 'priority_steps' item 2 must be at least 0, got -3");
    }

    @Test
    void refusesAnEmptyQueueList() {
        assertThatThrownBy(() -> config(Map.of("queues", List.of())))
                .hasMessageContaining("setting 'queues' is empty; list at least one Celery queue");
    }

    @Test
    void refusesUnackedTasksWithTheOldestAge() {
        assertThatThrownBy(() -> config(Map.of("include_unacked", true, "report", "oldest_age")))
                .hasMessageContaining("setting 'include_unacked' only applies to report = \"count\"");
    }

    @Test
    void refusesAZeroTimeoutWhichJedisWouldReadAsForever() {
        assertThatThrownBy(() -> config(Map.of("read_timeout", "0s")))
                .hasMessageContaining("setting 'read_timeout' must be at least 1ms, got 0s");
    }

    @Test
    void showsTheUrlAsASecret() throws Exception {
        Settings settings = TestSettings.resolve(CeleryRedisConfig.SCHEMA, Map.of("url", "redis://:hunter2@h:6379/0"));

        assertThat(settings.toString()).contains("url=****").doesNotContain("hunter2");
    }

    private static CeleryRedisConfig config(Map<String, ?> raw) throws Exception {
        return CeleryRedisConfig.from(TestSettings.resolve(CeleryRedisConfig.SCHEMA, raw));
    }
}
