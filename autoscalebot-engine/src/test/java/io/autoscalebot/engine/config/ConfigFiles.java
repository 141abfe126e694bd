package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.autoscalebot.engine.plugin.PluginCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes configuration text to a file and loads it, for the config tests. */
final class ConfigFiles {

    /** A group that is valid on its own, lines 1 to 9, for tests that add one mistake after it. */
    static final String VALID_GROUP = """
            [groups.web]
            max = 3
            [groups.web.measure]
            plugin = "response-time"
            url = "http://localhost:8080/health"
            [groups.web.decide]
            plugin = "consecutive-threshold"
            [groups.web.scale]
            plugin = "local"
            """;

    private final Path file;

    ConfigFiles(Path folder) {
        this.file = folder.resolve("autoscale.toml");
    }

    /** @return the file the texts are written to */
    Path file() {
        return file;
    }

    /** @return the loaded configuration of that text with the test plugins and no environment */
    EngineConfig load(String text) throws ConfigException {
        return load(text, TestProviders.catalog(), Map.of());
    }

    /** @return the loaded configuration of that text */
    EngineConfig load(String text, PluginCatalog catalog, Map<String, String> env) throws ConfigException {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ConfigLoader.load(file, catalog, env);
    }

    /** @return the errors loading that text gives, as {@code FILE:LINE:COL: message} lines */
    List<String> errors(String text) {
        return errors(text, TestProviders.catalog(), Map.of());
    }

    /** @return the errors loading that text gives, as {@code FILE:LINE:COL: message} lines */
    List<String> errors(String text, PluginCatalog catalog, Map<String, String> env) {
        ConfigException thrown = catchThrowableOfType(ConfigException.class, () -> load(text, catalog, env));
        assertThat(thrown).as("loading should fail").isNotNull();
        return thrown.errors().stream().map(ConfigError::toString).collect(Collectors.toList());
    }

    /** @return the errors loading that text gives, each plugin's validate given {@code validateTimeout} */
    List<String> errors(String text, PluginCatalog catalog, java.time.Duration validateTimeout) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigException thrown = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(file, catalog, Map.of(), validateTimeout));
        assertThat(thrown).as("loading should fail").isNotNull();
        return thrown.errors().stream().map(ConfigError::toString).collect(Collectors.toList());
    }

    /** @return the single error loading that text gives */
    String onlyError(String text) {
        List<String> errors = errors(text);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    /** @return {@code FILE:LINE:COL: } for this file */
    String at(int line, int column) {
        return file + ":" + line + ":" + column + ": ";
    }
}
