package io.autoscalebot.plugin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.settings.Setting;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** How the engine finds and describes the plugin. */
class WebhookProviderTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(NotifyProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(provider -> {
                    assertThat(provider.id()).isEqualTo("webhook");
                    assertThat(provider.kind()).isEqualTo(Kind.NOTIFY);
                    assertThat(provider.description()).isNotBlank();
                });
    }

    @Test
    void documentsEverySettingAndKeepsTheUrlAndHeadersSecret() {
        WebhookNotifyProvider provider = new WebhookNotifyProvider();

        assertThat(provider.settings()).extracting(Setting::name)
                .containsExactly("url", "headers", "timeout", "text_prefix");
        assertThat(provider.settings()).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
        assertThat(provider.settings()).filteredOn(Setting::secret).extracting(Setting::name)
                .containsExactly("url", "headers");
    }
}
