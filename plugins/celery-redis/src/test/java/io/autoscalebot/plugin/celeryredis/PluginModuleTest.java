package io.autoscalebot.plugin.celeryredis;

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
 * The plugin as the engine loads it: in its own module layer, where Jedis, an automatic module, brings none of its
 * libraries along unless the plugin's descriptor requires them. Tests otherwise run on the class path and cannot see
 * this.
 */
class PluginModuleTest {

    private static final String PLUGIN = "io.autoscalebot.plugin.celeryredis";

    /** The class path entries the plugin folder ships (plus the API, which the engine provides). */
    private static final List<String> SHIPPED = List.of("autoscalebot-api", "celery-redis", "jedis", "commons-pool2",
            "gson", "json", "slf4j-api");

    @Test
    void resolvesInItsOwnLayerWithEveryLibraryJedisNeeds() throws Exception {
        ModuleLayer layer = pluginLayer();

        Set<String> modules = layer.modules().stream().map(Module::getName).collect(Collectors.toSet());
        Class<?> poolConfig = Class.forName("redis.clients.jedis.ConnectionPoolConfig", true,
                layer.findLoader("redis.clients.jedis"));

        assertThat(modules).contains(PLUGIN, "redis.clients.jedis", "org.apache.commons.pool2", "org.json",
                "org.slf4j", "com.google.gson");
        // Its superclass lives in commons-pool2: this fails with NoClassDefFoundError when that is not in the layer.
        assertThat(poolConfig.getConstructor().newInstance()).isNotNull();
    }

    @Test
    void offersTheProviderToTheServiceLoader() throws Exception {
        ModuleDescriptor descriptor = pluginLayer().findModule(PLUGIN).orElseThrow().getDescriptor();

        assertThat(descriptor.provides()).anySatisfy(provides -> {
            assertThat(provides.service()).isEqualTo("io.autoscalebot.api.measure.MeasureProvider");
            assertThat(provides.providers()).containsExactly(CeleryRedisProvider.class.getName());
        });
        assertThat(descriptor.exports()).isEmpty();
    }

    private static ModuleLayer pluginLayer() {
        Path[] shipped = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(PluginModuleTest::isShipped)
                .toArray(Path[]::new);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(shipped), ModuleFinder.of(), Set.of(PLUGIN));
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    /** Matches the plugin's main classes (not its test classes) and the jars of the libraries it ships. */
    private static boolean isShipped(Path entry) {
        String text = entry.toString().replace(File.separatorChar, '/');
        if (text.endsWith("/test-classes")) {
            return false;
        }
        String name = text.endsWith("/classes") ? entry.getParent().getParent().getFileName().toString()
                : entry.getFileName().toString();
        return SHIPPED.stream().anyMatch(shippedName -> name.equals(shippedName) || name.startsWith(shippedName + "-"));
    }
}
