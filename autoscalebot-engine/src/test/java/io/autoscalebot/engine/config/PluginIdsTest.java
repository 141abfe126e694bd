package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigLoader#pluginIds}: which component ids a file names, read before any plugin is loaded. */
class PluginIdsTest {

    @TempDir
    Path folder;

    @Test
    void readsThePluginOfEveryComponentTableInAnyForm() throws Exception {
        Path file = write("""
                [leader]
                plugin = "redis"
                [groups.web]
                measure = { plugin = "response-time", url = "http://localhost:8080/" }
                decide.plugin = "consecutive-threshold"
                [groups.web.scale]
                plugin = "local"
                [[groups.web.notify]]
                plugin = "console"
                [[groups.web.notify]]
                plugin = "webhook"
                """);

        assertThat(ConfigLoader.pluginIds(file)).hasValueSatisfying(ids -> assertThat(ids).containsExactlyInAnyOrder(
                "redis", "response-time", "consecutive-threshold", "local", "console", "webhook"));
    }

    @Test
    void aFileThatCannotBeParsedNamesNoneSoEveryPluginIsLoaded() throws Exception {
        assertThat(ConfigLoader.pluginIds(write("[groups.web\nplugin = \"local\"\n"))).isEmpty();
        assertThat(ConfigLoader.pluginIds(folder.resolve("missing.toml"))).isEmpty();
    }

    @Test
    void aPluginThatIsNotAStringNamesNoneSoEveryPluginIsLoaded() throws Exception {
        assertThat(ConfigLoader.pluginIds(write("[groups.web.scale]\nplugin = 3\n"))).isEmpty();
    }

    private Path write(String text) throws Exception {
        return Files.writeString(folder.resolve("autoscale.toml"), text);
    }
}
