package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.testkit.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** How the engine finds and describes the plugin. */
class CeleryRedisProviderTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(MeasureProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(provider -> {
                    assertThat(provider.id()).isEqualTo("celery-redis");
                    assertThat(provider.kind()).isEqualTo(Kind.MEASURE);
                });
    }

    @Test
    void documentsEverySettingAndKeepsTheUrlSecret() {
        CeleryRedisProvider provider = new CeleryRedisProvider();

        assertThat(provider.settings()).extracting(Setting::name).containsExactly("url", "queues", "priority_steps",
                "key_prefix", "include_unacked", "report", "connect_timeout", "read_timeout");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(Setting::secret).extracting(Setting::name).containsExactly("url");
    }

    @Test
    void validateReportsAPortThatIsNotANumberAtTheUrlWithoutThePassword() {
        List<SettingProblem> problems = TestSettings.problems(new CeleryRedisProvider(),
                Map.of("url", "redis://:hunter2@localhost:notaport/0"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("url");
            assertThat(problem.message())
                    .contains("setting 'url': the port after the host must be a number like 6379, got 'notaport'")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void validateReportsEveryProblemAtItsKey() {
        List<SettingProblem> problems = TestSettings.problems(new CeleryRedisProvider(),
                Map.of("url", "http://localhost", "queues", List.of(), "include_unacked", true,
                        "report", "oldest_age"));

        assertThat(problems).extracting(SettingProblem::key).containsExactly("url", "queues", "include_unacked");
    }

    @Test
    void validateAcceptsTheDefaults() {
        assertThat(TestSettings.problems(new CeleryRedisProvider(), Map.of())).isEmpty();
    }
}
