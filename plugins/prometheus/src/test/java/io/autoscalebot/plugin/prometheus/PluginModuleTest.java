package io.autoscalebot.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plugin as the engine loads it: a module in its own layer that reads only the API, the JDK and the platform's
 * Jackson, so its folder ships no library. Tests otherwise run on the class path and cannot see this.
 */
class PluginModuleTest {

    private static final String PLUGIN = "io.autoscalebot.plugin.prometheus";

    /** What the platform provides (the API and Jackson) and the plugin's own classes. */
    private static final List<String> PLATFORM_AND_PLUGIN = List.of("autoscalebot-api", "prometheus", "jackson-databind",
            "jackson-core", "jackson-annotations");

    @Test
    void requiresNothingButTheApiTheHttpClientAndJackson() throws Exception {
        ModuleDescriptor descriptor = layer().findModule(PLUGIN).orElseThrow().getDescriptor();

        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.autoscalebot.api", "java.net.http",
                        "com.fasterxml.jackson.databind");
        assertThat(descriptor.exports()).isEmpty();
    }

    @Test
    void offersTheProviderToTheServiceLoader() throws Exception {
        ModuleDescriptor descriptor = layer().findModule(PLUGIN).orElseThrow().getDescriptor();

        assertThat(descriptor.provides()).singleElement().satisfies(provides -> {
            assertThat(provides.service()).isEqualTo("io.autoscalebot.api.measure.MeasureProvider");
            assertThat(provides.providers()).containsExactly(PrometheusProvider.class.getName());
        });
    }

    @Test
    void resolvesWithJacksonFromThePlatform() throws Exception {
        Set<String> modules = layer().modules().stream().map(Module::getName).collect(Collectors.toSet());

        assertThat(modules).contains(PLUGIN, "com.fasterxml.jackson.databind", "com.fasterxml.jackson.core");
    }

    private static ModuleLayer layer() {
        Path[] entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(PluginModuleTest::isPlatformOrPlugin)
                .toArray(Path[]::new);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(entries), ModuleFinder.of(), Set.of(PLUGIN));
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    /** Matches the plugin's main classes (not its test classes) and the jars of the API and Jackson. */
    private static boolean isPlatformOrPlugin(Path entry) {
        String text = entry.toString().replace(File.separatorChar, '/');
        if (text.endsWith("/test-classes")) {
            return false;
        }
        String name = text.endsWith("/classes") ? entry.getParent().getParent().getFileName().toString()
                : entry.getFileName().toString();
        return PLATFORM_AND_PLUGIN.stream().anyMatch(wanted -> name.equals(wanted) || name.startsWith(wanted + "-"));
    }
}
