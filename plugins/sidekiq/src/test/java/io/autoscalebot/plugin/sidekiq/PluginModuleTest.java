package io.autoscalebot.plugin.sidekiq;

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
 * The plugin as the engine loads it: a layer of its own over the platform's, which provides the API and Jackson;
 * Jedis, an automatic module, brings none of its libraries along unless the plugin's descriptor requires them. Tests
 * otherwise run on the class path and cannot see this.
 */
class PluginModuleTest {

    private static final String PLUGIN = "io.autoscalebot.plugin.sidekiq";

    /** What the platform's boot layer holds for plugins. */
    private static final List<String> PLATFORM = List.of("autoscalebot-api", "jackson-databind", "jackson-core",
            "jackson-annotations");
    /** The class path entries the plugin folder ships. */
    private static final List<String> SHIPPED = List.of("sidekiq", "jedis", "commons-pool2", "gson", "json",
            "slf4j-api");

    @Test
    void resolvesInItsOwnLayerWithJacksonFromThePlatformAndJedisWithItsLibraries() throws Exception {
        ModuleLayer layer = pluginLayer();

        Set<String> own = layer.modules().stream().map(Module::getName).collect(Collectors.toSet());
        Class<?> poolConfig = Class.forName("redis.clients.jedis.ConnectionPoolConfig", true,
                layer.findLoader("redis.clients.jedis"));

        assertThat(own).contains(PLUGIN, "redis.clients.jedis", "org.apache.commons.pool2", "org.json", "org.slf4j",
                "com.google.gson").doesNotContain("com.fasterxml.jackson.databind");
        assertThat(layer.findModule("com.fasterxml.jackson.databind")).isPresent();
        // Its superclass lives in commons-pool2: this fails with NoClassDefFoundError when that is not in the layer.
        assertThat(poolConfig.getConstructor().newInstance()).isNotNull();
    }

    @Test
    void offersTheProviderToTheServiceLoaderAndExportsNothing() throws Exception {
        ModuleDescriptor descriptor = pluginLayer().findModule(PLUGIN).orElseThrow().getDescriptor();

        assertThat(descriptor.provides()).anySatisfy(provides -> {
            assertThat(provides.service()).isEqualTo("io.autoscalebot.api.measure.MeasureProvider");
            assertThat(provides.providers()).containsExactly(SidekiqProvider.class.getName());
        });
        assertThat(descriptor.exports()).isEmpty();
    }

    private static ModuleLayer pluginLayer() {
        ModuleLayer platform = layer(ModuleLayer.boot(), PLATFORM, Set.of("io.autoscalebot.api",
                "com.fasterxml.jackson.databind"));
        return layer(platform, SHIPPED, Set.of(PLUGIN));
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
