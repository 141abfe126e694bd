package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void asksThePluginWithItsOwnClassLoaderAsContextLoader() throws Exception {
        ClassLoader pluginLoader = new URLClassLoader("plugin", new URL[0], null);
        ClassLoader[] seen = new ClassLoader[1];
        MeasureProvider provider = new MeasureProvider() {
            @Override
            public String id() {
                return "probe";
            }

            @Override
            public String description() {
                return "records its context loader";
            }

            @Override
            public List<SettingProblem> validate(Settings settings) {
                seen[0] = Thread.currentThread().getContextClassLoader();
                return List.of(new SettingProblem("url", "url has no host"));
            }

            @Override
            public Measure create(Settings settings, PluginContext context) {
                throw new UnsupportedOperationException();
            }
        };
        Component component = new Component(provider, "acme", "1.4.0", pluginLoader, "probe", Kind.MEASURE,
                "records its context loader", List.of());

        Validation.Outcome outcome = Validation.validate(component, SettingsResolver.resolve(List.of(), Map.of()),
                Duration.ofSeconds(10));

        assertThat(seen[0]).isSameAs(pluginLoader);
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.problems()).containsExactly(new SettingProblem("url", "url has no host"));
    }
}
