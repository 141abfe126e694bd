package io.autoscalebot.dist;

import io.autoscalebot.testkit.PluginContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled plugin, as the distribution ships it (its folder in plugins/), keeps the plugin contract. */
class BundledPluginsContractIT {

    static Stream<Path> bundledPlugins() throws IOException {
        try (Stream<Path> plugins = Files.list(Distribution.home().resolve("plugins"))) {
            return plugins.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledPlugins")
    void keepsThePluginContract(Path plugin) {
        PluginContract.assertPasses(plugin);
    }
}
