package io.autoscalebot.plugin.targettracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.InvalidSettingsException;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetTrackingProviderTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path state;

    private final TargetTrackingProvider provider = new TargetTrackingProvider();

    private PluginContext pluginContext() {
        return TestContexts.plugin().clock(Clock.fixed(NOW, ZoneOffset.UTC)).stateDirectory(state).build();
    }

    // Target 500 ms, 10 processes measuring 1000 ms: the proportional rule wants 20, the policies decide how many.
    private Decision decideAtTenProcessesMeasuringTwiceTheTarget(Map<String, Object> policies) throws Exception {
        Map<String, Object> raw = new HashMap<>(policies);
        raw.put("target", 500);
        Decide decide = provider.create(TestSettings.resolve(provider, raw), pluginContext());
        return decide.decide(TestContexts.decide().now(NOW).current(10).min(1).max(100)
                .history(List.of(Measurement.of(NOW, 1000, "ms"))).build());
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(DecideProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(DecideProvider::id)).contains("target-tracking");
    }

    @Test
    void appliesTheHpaDefaultsWhenOnlyTheTargetIsSet() throws Exception {
        Settings settings = TestSettings.resolve(provider, Map.of("target", 0.7));

        assertThat(settings.number("tolerance")).isEqualTo(0.1);
        assertThat(settings.duration("scale_down_stabilization")).hasSeconds(300);
        assertThat(settings.duration("scale_up_stabilization")).isZero();
        assertThat(settings.integer("scale_up_pods")).isEqualTo(4);
        assertThat(settings.has("scale_down_pods")).isFalse();
        assertThat(settings.string("scale_up_select")).isEqualTo("max");
    }

    @Test
    void createsATrackerThatFollowsTheConfiguredPolicies() throws Exception {
        Decision decision = decideAtTenProcessesMeasuringTwiceTheTarget(
                Map.of("scale_up_pods", 2, "scale_up_percent", 10, "scale_up_period", "1m"));

        // Wants 20; max(ceil(10 x 110%) = 11, 10 + 2 = 12) = 12.
        assertThat(decision.target()).hasValue(12);
    }

    @Test
    void aPodsOnlyPolicyWithSelectMinLimitsAScaleUpToThePods() throws Exception {
        // HPA allows a single Pods policy; 0 turns off the percent policy that otherwise defaults to 100%.
        Decision decision = decideAtTenProcessesMeasuringTwiceTheTarget(
                Map.of("scale_up_percent", 0, "scale_up_pods", 2, "scale_up_select", "min"));

        // Wants 20; the pods policy alone allows 10 + 2 = 12.
        assertThat(decision.target()).hasValue(12);
    }

    @Test
    void refusesADirectionWithoutAnyPolicyAtItsPercentKey() {
        List<SettingProblem> problems = TestSettings.problems(provider,
                Map.of("target", 1, "scale_up_percent", 0, "scale_up_pods", 0, "scale_up_select", "max"));

        assertThat(problems).containsExactly(new SettingProblem("scale_up_percent", "scaling up has no policy:"
                + " 'scale_up_percent' is 0 and 'scale_up_pods' is 0; set one of them above 0, or set"
                + " scale_up_select = \"disabled\" to never scale up"));
    }

    @Test
    void acceptsADisabledDirectionWithoutAnyPolicy() throws Exception {
        Settings settings = TestSettings.resolve(provider,
                Map.of("target", 1, "scale_down_percent", 0, "scale_down_select", "disabled"));

        assertThat(provider.create(settings, pluginContext())).isNotNull();
    }

    @Test
    void refusesATargetOfZeroAtItsKey() {
        assertThat(TestSettings.problems(provider, Map.of("target", 0))).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("target");
            assertThat(problem.message()).contains("setting 'target' must be greater than 0");
        });
    }

    @Test
    void refusesAZeroPeriod() throws Exception {
        assertThatThrownBy(() -> TestSettings.resolve(provider, Map.of("target", 1, "scale_down_period", "0s")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'scale_down_period' must be at least 1ms, got 0s");
    }

    @Test
    void rejectsAnUnknownSelectPolicy() {
        assertThatThrownBy(() -> TestSettings.resolve(provider, Map.of("target", 1, "scale_up_select", "fast")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("must be one of max, min, disabled");
    }

    @Test
    void documentsEverySetting() {
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.description()).contains("HPA");
    }
}
