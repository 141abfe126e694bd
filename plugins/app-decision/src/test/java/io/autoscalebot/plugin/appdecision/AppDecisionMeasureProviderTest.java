package io.autoscalebot.plugin.appdecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.InvalidSettingsException;
import io.autoscalebot.testkit.TestSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AppDecisionMeasureProviderTest {

    private final AppDecisionMeasureProvider provider = new AppDecisionMeasureProvider();

    @Test
    void offersTheMeasureAndTheDecideUnderOneIdToTheServiceLoader() {
        assertThat(ServiceLoader.load(MeasureProvider.class)).extracting(PluginProvider::id).contains("app-decision");
        assertThat(ServiceLoader.load(DecideProvider.class)).extracting(PluginProvider::id).contains("app-decision");
    }

    @Test
    void declaresTheTokenSecret() {
        assertThat(provider.settings()).filteredOn(Setting::secret).extracting(Setting::name).containsExactly("token");
    }

    @Test
    void givesUpBeforeTheGroupsDefaultTimeoutSoItsOwnReasonIsReported() throws Exception {
        // The engine cuts a call off after the group's timeout, 10 s by default; a plugin timeout as long never fires.
        Settings settings = TestSettings.resolve(provider,
                Map.of("url", "https://app.example.com/autoscale", "pointer", "/depth"));

        assertThat(settings.duration("timeout")).isEqualTo(Duration.ofSeconds(5));
        assertThat(provider.settings()).filteredOn(setting -> setting.name().equals("timeout"))
                .singleElement().extracting(Setting::doc).asString()
                .contains("Keep it below the group's timeout (default 10s)");
    }

    @Test
    void requiresAPointerInModeValue() {
        assertThatThrownBy(() -> create(Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("mode \"value\" needs setting 'pointer'");
    }

    @Test
    void refusesAPointerThatIsNotOne() {
        assertThatThrownBy(() -> create(Map.of("pointer", "queue.depth")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'pointer': a JSON Pointer starts with '/'");
    }

    @Test
    void refusesSettingsOfTheOtherMode() {
        assertThatThrownBy(() -> create(Map.of("pointer", "/depth", "key", "web")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'key' does not apply in mode \"value\"");
        assertThatThrownBy(() -> create(Map.of("mode", "instruction", "pointer", "/depth")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'pointer' does not apply in mode \"instruction\"");
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> create(Map.of("url", "ftp://app.example.com/load", "pointer", "/depth")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'url' must be an http or https URL, got scheme \"ftp\"");
    }

    @Test
    void refusesAZeroTimeout() {
        assertThatThrownBy(() -> create(Map.of("pointer", "/depth", "timeout", "0s")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'timeout' must be at least 1ms, got 0s");
    }

    private void create(Map<String, Object> settings) throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("url", "http://127.0.0.1:9/autoscale"));
        raw.putAll(settings);
        provider.create(TestSettings.resolve(provider, raw), AppDecisionFixtures.context("web"));
    }
}
