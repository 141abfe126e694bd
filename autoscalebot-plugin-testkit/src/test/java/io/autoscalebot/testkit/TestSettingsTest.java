package io.autoscalebot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSettingsTest {

    /** A measure with a required URL, a bounded duration and a validate of its own. */
    private static final class Gauge implements MeasureProvider {
        int validated;

        @Override
        public String id() {
            return "gauge";
        }

        @Override
        public String description() {
            return "Reads a gauge.";
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.of("url", SettingType.URI).asRequired().doc("Where the gauge is."),
                    Setting.of("timeout", SettingType.DURATION).defaultValue(Duration.ofSeconds(5))
                            .atMost(Duration.ofSeconds(30)).doc("How long to wait."),
                    Setting.of("low", SettingType.NUMBER).defaultValue(0.0).doc("Lowest reading."),
                    Setting.of("high", SettingType.NUMBER).defaultValue(100.0).doc("Highest reading."));
        }

        @Override
        public List<SettingProblem> validate(Settings settings) {
            validated++;
            List<SettingProblem> problems = new ArrayList<>();
            if (settings.number("low") > settings.number("high")) {
                problems.add(new SettingProblem("low", "low is above high"));
            }
            return problems;
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private final Gauge gauge = new Gauge();

    @Test
    void resolvesAsTheEngineDoesWithDefaultsApplied() throws Exception {
        Settings settings = TestSettings.resolve(gauge, Map.of("url", "http://127.0.0.1:9/gauge", "timeout", "10s"));

        assertThat(settings.uri("url")).hasToString("http://127.0.0.1:9/gauge");
        assertThat(settings.duration("timeout")).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.number("high")).isEqualTo(100.0);
        assertThat(gauge.validated).isEqualTo(1);
    }

    @Test
    void reportsTheSchemasProblemsWithoutAskingThePlugin() {
        assertThatThrownBy(() -> TestSettings.resolve(gauge, Map.of("timeout", "1m", "urll", "x")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("urll: unknown setting 'urll' (did you mean 'url'?)")
                .hasMessageContaining("timeout: setting 'timeout' must be at most 30s, got 1m")
                .hasMessageContaining("url: missing required setting 'url'");
        assertThat(gauge.validated).isZero();
    }

    @Test
    void reportsThePluginsOwnProblemsByKey() {
        assertThat(TestSettings.problems(gauge, Map.of("url", "http://h/", "low", 50, "high", 10)))
                .containsExactly(new SettingProblem("low", "low is above high"));
        assertThat(TestSettings.problems(gauge, Map.of("url", "http://h/"))).isEmpty();
    }

    @Test
    void resolvesAgainstASchemaAloneForPartsOfAPlugin() throws Exception {
        Settings settings = TestSettings.resolve(gauge.settings(), Map.of("url", "http://h/", "low", 50, "high", 10));

        assertThat(settings.number("low")).isEqualTo(50.0);
        assertThat(gauge.validated).isZero();
        assertThat(settings.toString()).contains("url=http://h/", "timeout=PT5S");
    }
}
