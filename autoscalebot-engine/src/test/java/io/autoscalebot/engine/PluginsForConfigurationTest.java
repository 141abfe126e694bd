package io.autoscalebot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.plugin.PluginCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration loaded with only the plugins it names ({@link Autoscalebot#loadPluginsFor}): valid, it never needs
 * the others; with errors, its messages are those it gets with every plugin loaded.
 */
class PluginsForConfigurationTest {

    private static final String GROUP = """
            [groups.web]
            max = 3
            [groups.web.measure]
            plugin = "%s"
            [groups.web.decide]
            plugin = "hold"
            [groups.web.scale]
            plugin = "fixed"
            """;

    @TempDir
    Path folder;

    private final AtomicInteger fullLoads = new AtomicInteger();

    @Test
    void aValidConfigurationLoadsWithThePluginsItNamesAlone() throws Exception {
        Configuration configuration = Autoscalebot.loadConfiguration(write("gauge"), partial(), Map.of());

        assertThat(configuration.groups()).hasSize(1);
        assertThat(fullLoads).hasValue(0);
    }

    @Test
    void anUnknownPluginIsReportedWithEveryIdThereIsAsWithAllPluginsLoaded() throws Exception {
        Path file = write("gauge-tow");

        ConfigurationException partial = catchThrowableOfType(
                () -> Autoscalebot.loadConfiguration(file, partial(), Map.of()), ConfigurationException.class);
        ConfigurationException full = catchThrowableOfType(
                () -> Autoscalebot.loadConfiguration(file, new Plugins(everything()), Map.of()),
                ConfigurationException.class);

        assertThat(partial.getMessage()).isEqualTo(full.getMessage())
                .contains("autoscale.toml:4:1: unknown measure plugin 'gauge-tow' (did you mean 'gauge-two'? "
                        + "available: gauge, gauge-two)");
        assertThat(fullLoads).hasValue(1);
    }

    @Test
    void theOtherPluginsAreLoadedOnceForEveryLaterConfigurationWithErrors() throws Exception {
        Plugins plugins = partial();
        Path file = write("nope");

        catchThrowableOfType(() -> Autoscalebot.loadConfiguration(file, plugins, Map.of()),
                ConfigurationException.class);
        catchThrowableOfType(() -> Autoscalebot.loadConfiguration(file, plugins, Map.of()),
                ConfigurationException.class);

        assertThat(fullLoads).hasValue(1);
    }

    /** The plugins a command naming gauge, hold and fixed gets: one more measure plugin found but not loaded. */
    private Plugins partial() {
        PluginCatalog loaded = PluginCatalog.of(new Gauge("gauge"), new Hold(), new Fixed());
        PluginCatalog subset = new PluginCatalog(loaded.plugins(), List.of(folder.resolve("gauge-two.jar")));
        return new Plugins(subset, () -> {
            fullLoads.incrementAndGet();
            return everything();
        });
    }

    private static PluginCatalog everything() {
        return PluginCatalog.of(new Gauge("gauge"), new Hold(), new Fixed(), new Gauge("gauge-two"));
    }

    private Path write(String measure) throws Exception {
        return Files.writeString(folder.resolve("autoscale.toml"), GROUP.formatted(measure));
    }

    private record Gauge(String id) implements MeasureProvider {
        @Override
        public String description() {
            return "A gauge.";
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("never created");
        }
    }

    private static final class Hold implements DecideProvider {
        @Override
        public String id() {
            return "hold";
        }

        @Override
        public String description() {
            return "Holds.";
        }

        @Override
        public Decide create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("never created");
        }
    }

    private static final class Fixed implements ScaleProvider {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public String description() {
            return "Fixed.";
        }

        @Override
        public Scale create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("never created");
        }
    }
}
