package io.autoscalebot.plugin.sidekiq;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** How the engine finds and describes the plugin. */
class SidekiqProviderTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(MeasureProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(provider -> {
                    assertThat(provider.id()).isEqualTo("sidekiq");
                    assertThat(provider.kind()).isEqualTo(Kind.MEASURE);
                    assertThat(provider.description()).isNotBlank();
                });
    }

    @Test
    void documentsEverySettingAndKeepsOnlyTheUrlSecret() {
        SidekiqProvider provider = new SidekiqProvider();

        assertThat(provider.settings()).extracting(Setting::name).containsExactly("url", "queues", "report",
                "include_scheduled", "include_retries", "namespace", "verify_certificate", "timeout");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(Setting::secret).extracting(Setting::name).containsExactly("url");
    }
}
