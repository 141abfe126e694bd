package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginListing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine asks a provider about itself once, when loading, and uses those answers everywhere after: a provider
 * whose answers fail the second time (or change) cannot break validation, descriptions or listings.
 */
class ProviderAskedOnceTest extends ConfigFileTest {

    private static final String CONFIG = """
            [groups.web]
            max = 3
            measure = { plugin = "once-only", url = "http://localhost:8080/health" }
            decide.plugin = "consecutive-threshold"
            scale.plugin = "local"
            """;

    private final PluginCatalog catalog = PluginCatalog.of(new OnceOnly(), new TestProviders.ConsecutiveThreshold(),
            new TestProviders.Local());

    @Test
    void aConfigurationValidatesAgainstTheSettingsReadAtLoadTime() throws ConfigException {
        EngineConfig config = files.load(CONFIG, catalog, Map.of());

        assertThat(config.groups().get(0).measure().settings().uri("url")).hasToString("http://localhost:8080/health");
    }

    @Test
    void theComponentIsDescribedAndListedFromWhatItSaidAtLoadTime() {
        var component = catalog.find(Kind.MEASURE, "once-only").orElseThrow();

        assertThat(SettingsDocs.text(component)).contains("Answers only once.", "url (uri, required)");
        assertThat(SettingsDocs.markdown(component, "1.0.0")).contains("| `url` | uri | required |");
        assertThat(PluginListing.table(catalog)).contains("measure once-only: Answers only once.");
    }

    /** A provider whose every self-description throws when asked a second time. */
    static final class OnceOnly implements MeasureProvider {
        private final AtomicInteger ids = new AtomicInteger();
        private final AtomicInteger kinds = new AtomicInteger();
        private final AtomicInteger descriptions = new AtomicInteger();
        private final AtomicInteger settings = new AtomicInteger();

        @Override
        public String id() {
            return once(ids, "once-only");
        }

        @Override
        public Kind kind() {
            return once(kinds, Kind.MEASURE);
        }

        @Override
        public String description() {
            return once(descriptions, "Answers only once.");
        }

        @Override
        public List<Setting> settings() {
            return once(settings, List.of(Setting.of("url", SettingType.URI).asRequired().doc("The URL.")));
        }

        @Override
        public Measure create(Settings values, PluginContext context) {
            throw new UnsupportedOperationException("configuration tests never create plugins");
        }

        private static <T> T once(AtomicInteger calls, T answer) {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("asked a second time");
            }
            return answer;
        }
    }
}
