package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
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
}
