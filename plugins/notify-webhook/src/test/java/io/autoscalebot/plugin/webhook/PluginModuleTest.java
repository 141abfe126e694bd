package io.autoscalebot.plugin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plugin as the engine loads it: one jar in a layer of its own over the platform's, which provides the API and
 * Jackson. Tests otherwise run on the class path and cannot see this.
 */
class PluginModuleTest {

    private static final String PLUGIN = "io.autoscalebot.plugin.webhook";
    private static final List<String> PLATFORM = List.of("autoscalebot-api", "jackson-databind", "jackson-core",
            "jackson-annotations");

    @Test
    void resolvesAloneInItsLayerWithJacksonAndJavaNetHttpFromBelow() throws Exception {
        ModuleLayer layer = pluginLayer();

        assertThat(layer.modules()).extracting(Module::getName).containsExactly(PLUGIN);
        Module plugin = layer.findModule(PLUGIN).orElseThrow();
        assertThat(plugin.canRead(layer.findModule("com.fasterxml.jackson.databind").orElseThrow())).isTrue();
        assertThat(plugin.canRead(layer.findModule("java.net.http").orElseThrow())).isTrue();
        // Loading the notifier links it against Jackson and java.net.http in the layer.
        Class<?> notifier = Class.forName(PLUGIN + ".WebhookNotify", true, layer.findLoader(PLUGIN));
        assertThat(notifier.getModule()).isSameAs(plugin);
    }

    @Test
    void offersTheProviderToTheServiceLoaderAndExportsNothing() {
        ModuleDescriptor descriptor = pluginLayer().findModule(PLUGIN).orElseThrow().getDescriptor();

        assertThat(descriptor.provides()).anySatisfy(provides -> {
            assertThat(provides.service()).isEqualTo("io.autoscalebot.api.notify.NotifyProvider");
            assertThat(provides.providers()).containsExactly(WebhookNotifyProvider.class.getName());
        });
        assertThat(descriptor.exports()).isEmpty();
    }

    private static ModuleLayer pluginLayer() {
        ModuleLayer platform = layer(ModuleLayer.boot(), PLATFORM, Set.of("io.autoscalebot.api",
                "com.fasterxml.jackson.databind"));
        return layer(platform, List.of("notify-webhook"), Set.of(PLUGIN));
    }

    private static ModuleLayer layer(ModuleLayer parent, List<String> names, Set<String> roots) {
        Path[] entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(entry -> isOneOf(entry, names))
                .toArray(Path[]::new);
        Configuration configuration = parent.configuration()
                .resolve(ModuleFinder.of(entries), ModuleFinder.of(), roots);
        return parent.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    /** Matches the plugin's main classes (not its test classes) and the jars of the named libraries. */
    private static boolean isOneOf(Path entry, List<String> names) {
        String text = entry.toString().replace(File.separatorChar, '/');
        if (text.endsWith("/test-classes")) {
            return false;
        }
        String name = text.endsWith("/classes") ? entry.getParent().getParent().getFileName().toString()
                : entry.getFileName().toString();
        return names.stream().anyMatch(wanted -> name.equals(wanted) || name.matches(
                java.util.regex.Pattern.quote(wanted) + "-\\d.*"));
    }
}
