package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.InvalidSettingsException;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictiveProviderTest {

    @TempDir
    Path state;

    private final PredictiveProvider provider = new PredictiveProvider();

    private PluginContext pluginContext() {
        return TestContexts.plugin().clock(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC))
                .stateDirectory(state).build();
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(DecideProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(DecideProvider::id)).contains("predictive");
    }

    @Test
    void needsNoSettingToStart() throws Exception {
        Settings settings = TestSettings.resolve(provider, Map.of());

        assertThat(settings.number("target")).isEqualTo(0.9);
        assertThat(settings.number("headroom")).isEqualTo(0.75);
        assertThat(settings.duration("bucket")).hasMinutes(15);
        assertThat(provider.create(settings, pluginContext())).isInstanceOf(Predictive.class);
    }

    @Test
    void refusesABucketThatDoesNotDivideADayAtItsKey() {
        assertThat(TestSettings.problems(provider, Map.of("bucket", "7m"))).containsExactly(new SettingProblem(
                "bucket", "bucket must be whole seconds, at least 1m, dividing a day (5m, 15m, 1h), got 7m"));
    }

    @Test
    void refusesAResponseGoalNoLongerThanTheServiceTimeAtItsKey() {
        assertThat(TestSettings.problems(provider, Map.of("service_time", "200ms", "response_goal", "100ms")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo("response_goal");
                    assertThat(problem.message()).contains("response_goal must be longer than service_time")
                            .contains("autoscalebot plugins describe predictive");
                });
    }

    @Test
    void refusesFloorNoiseWithoutALevelWindowAtItsKey() {
        assertThat(TestSettings.problems(provider, Map.of("floor_noise", 2))).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("floor_noise");
            assertThat(problem.message()).contains("floor_noise needs level_window").contains("e.g. 10m");
        });
    }

    @Test
    void refusesGuardNoiseAndNoiseSlotWithoutALevelWindowAtTheirKeys() {
        assertThat(TestSettings.problems(provider, Map.of("guard_noise", 3))).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("guard_noise");
            assertThat(problem.message()).startsWith("guard_noise needs level_window");
        });
        assertThat(TestSettings.problems(provider, Map.of("noise_slot", "5m"))).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("noise_slot");
            assertThat(problem.message()).startsWith("noise_slot needs level_window");
        });
        assertThat(TestSettings.problems(provider, Map.of("level_window", "5m", "noise_slot", "7m")))
                .extracting(SettingProblem::key).containsExactly("noise_slot");
        assertThat(TestSettings.problems(provider, Map.of("level_window", "5m", "guard_noise", 1e308)))
                .extracting(SettingProblem::key).containsExactly("guard_noise");
        assertThat(TestSettings.problems(provider, Map.of("level_window", "5m", "guard_noise", 6,
                "noise_slot", "5m"))).isEmpty();
    }

    @Test
    void startsWithWindowsTooLongToCountInMilliseconds() throws Exception {
        // 200 billion days parse as a duration (validate accepts them) but overflow Duration.toMillis(): the plugin
        // failed to start with "plugin bug: ArithmeticException: long overflow" instead of smoothing that barely moves.
        Settings settings = TestSettings.resolve(provider, Map.of("level_window", "200000000000d",
                "adapt_window", "200000000000d"));

        assertThat(provider.create(settings, pluginContext())).isInstanceOf(Predictive.class);
    }

    @Test
    void namesNoPluginInItsSettingProblemsAsTheEngineDoesSo() {
        // The engine shows each problem as "<file>:<line>: predictive: <message>": a message of its own starting with
        // "predictive: " read "predictive: predictive: ..." to the user.
        assertThat(TestSettings.problems(provider, Map.of("floor_noise", 2)))
                .singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("floor_noise needs"));
        assertThat(TestSettings.problems(provider, Map.of("service_time", "200ms", "response_goal", "100ms")))
                .singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("response_goal must"));
    }

    @Test
    void refusesFloorSpareTooLargeForTheFloorsSearchAtItsKey() {
        // 1e308 passed `config validate` and then made the floor's search, one step per process, run two billion steps.
        for (String key : new String[] {"floor_headroom", "floor_spread", "floor_noise"}) {
            assertThat(TestSettings.problems(provider, Map.of("level_window", "5m", key, 1e308)))
                    .as(key).extracting(SettingProblem::key).containsExactly(key);
            assertThat(TestSettings.problems(provider, Map.of("level_window", "5m", key, 100))).as(key).isEmpty();
        }
    }

    @Test
    void leavesTheNoiseSettingsOffByDefault() throws Exception {
        Settings settings = TestSettings.resolve(provider, Map.of());

        assertThat(settings.duration("level_window")).isZero();
        assertThat(settings.number("floor_noise")).isZero();
        assertThat(settings.integer("down_step")).isZero();
        assertThat(settings.number("guard_noise")).isZero();
        assertThat(settings.duration("noise_slot")).isZero();
    }

    @Test
    void refusesATargetOfZeroWhichTheBoundsLetThrough() {
        assertThat(TestSettings.problems(provider, Map.of("target", 0))).extracting(SettingProblem::key)
                .containsExactly("target");
    }

    @Test
    void refusesATargetAboveOne() {
        assertThatThrownBy(() -> TestSettings.resolve(provider, Map.of("target", 70)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'target' must be at most 1, got 70");
    }

    @Test
    void documentsEverySetting() {
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.description()).contains("daily and weekly");
    }
}
