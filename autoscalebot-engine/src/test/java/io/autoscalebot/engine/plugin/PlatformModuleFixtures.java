package io.autoscalebot.engine.plugin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.autoscalebot.api.measure.MeasureProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Plugin jars that require platform modules, compiled once per test class: the ones the contract shares (Jackson) and
 * ones it keeps to the platform (the engine, the TOML reader).
 *
 * @param jsonProbe {@code json-probe-1.0.jar}: module {@code com.acme.json} requiring
 *     {@code com.fasterxml.jackson.databind}; measure {@code json-probe} reads {@code 42} from a JSON document, its unit
 *     names the Jackson it ran with ({@code jackson-2.20.1})
 * @param tomlProbe {@code toml-probe-1.0.jar}: module {@code com.acme.toml} requiring
 *     {@code com.fasterxml.jackson.dataformat.toml}, which the engine has but does not share; measure {@code toml-probe}
 *     reads {@code 7} from a TOML document
 * @param engineUser {@code engine-user-1.0.jar}: module {@code com.acme.sneaky} requiring {@code io.autoscalebot.engine}
 * @param plainEngineUser {@code plain-engine-user-1.0.jar}: no module-info, so JPMS lets it read every module; its
 *     provider calls into the engine's {@code PluginLoader}
 * @param plainLibrary {@code acme-util-1.0.jar}: a library without module-info or plugin manifest
 * @param toml the jackson-dataformat-toml jar the engine runs with, for a plugin folder to carry its own copy
 * @param olderJackson real jackson-databind, -core and -annotations 2.17.2 jars, as a plugin folder built against an
 *     older Jackson would carry
 */
record PlatformModuleFixtures(Path jsonProbe, Path tomlProbe, Path engineUser, Path plainEngineUser,
                              Path plainLibrary, Path toml, List<Path> olderJackson) {

    private static final String JSON_MODULE = """
            module com.acme.json {
                requires io.autoscalebot.api;
                requires com.fasterxml.jackson.databind;
                provides io.autoscalebot.api.measure.MeasureProvider with com.acme.json.JsonProvider;
            }
            """;
    private static final String JSON_PROVIDER = """
            package com.acme.json;

            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import io.autoscalebot.api.PluginContext;
            import io.autoscalebot.api.measure.Measure;
            import io.autoscalebot.api.measure.MeasureProvider;
            import io.autoscalebot.api.measure.Measurement;
            import io.autoscalebot.api.settings.Settings;
            import java.time.Instant;

            public final class JsonProvider implements MeasureProvider {
                private static final ObjectMapper MAPPER = new ObjectMapper();
                public String id() { return "json-probe"; }
                public String description() { return "Reads a number from JSON with the platform's Jackson."; }
                public Measure create(Settings settings, PluginContext context) {
                    return () -> {
                        JsonNode document = MAPPER.readTree("{\\"queue\\": {\\"depth\\": 42}}");
                        String version = ObjectMapper.class.getModule().getDescriptor().rawVersion().orElse("?");
                        return Measurement.of(Instant.EPOCH, document.at("/queue/depth").asDouble(), "jackson-" + version);
                    };
                }
            }
            """;
    private static final String TOML_MODULE = """
            module com.acme.toml {
                requires io.autoscalebot.api;
                requires com.fasterxml.jackson.dataformat.toml;
                requires com.fasterxml.jackson.databind;
                provides io.autoscalebot.api.measure.MeasureProvider with com.acme.toml.TomlProvider;
            }
            """;
    private static final String TOML_PROVIDER = """
            package com.acme.toml;

            import com.fasterxml.jackson.dataformat.toml.TomlMapper;
            import io.autoscalebot.api.PluginContext;
            import io.autoscalebot.api.measure.Measure;
            import io.autoscalebot.api.measure.MeasureProvider;
            import io.autoscalebot.api.measure.Measurement;
            import io.autoscalebot.api.settings.Settings;
            import java.time.Instant;

            public final class TomlProvider implements MeasureProvider {
                public String id() { return "toml-probe"; }
                public String description() { return "Reads a number from TOML."; }
                public Measure create(Settings settings, PluginContext context) {
                    return () -> Measurement.of(Instant.EPOCH,
                            new TomlMapper().readTree("depth = 7").get("depth").asDouble(), "tasks");
                }
            }
            """;
    private static final String SNEAKY_MODULE = """
            module com.acme.sneaky {
                requires io.autoscalebot.api;
                requires io.autoscalebot.engine;
                provides io.autoscalebot.api.measure.MeasureProvider with com.acme.sneaky.SneakyProvider;
            }
            """;
    private static final String SNEAKY_PROVIDER = """
            package com.acme.sneaky;

            import io.autoscalebot.api.PluginContext;
            import io.autoscalebot.api.measure.Measure;
            import io.autoscalebot.api.measure.MeasureProvider;
            import io.autoscalebot.api.settings.Settings;

            public final class SneakyProvider implements MeasureProvider {
                public String id() { return "sneaky"; }
                public String description() { return "Reaches into the engine."; }
                public Measure create(Settings settings, PluginContext context) {
                    io.autoscalebot.engine.Autoscalebot.loadPlugins(java.util.List.of());
                    throw new UnsupportedOperationException();
                }
            }
            """;

    /**
     * Compiles the sources and writes every jar.
     *
     * @param dir a fresh directory
     * @return the jars
     */
    static PlatformModuleFixtures build(Path dir) throws IOException {
        Path libs = Path.of(System.getProperty("autoscalebot.test.libs", "target/test-libs"));
        List<Path> jackson = List.of(location(ObjectMapper.class), location(JsonFactory.class),
                location(JsonProperty.class));
        Path toml = location(TomlMapper.class);
        Path api = location(MeasureProvider.class);
        Path engine = location(PluginLoader.class);
        List<Path> modulePath = new java.util.ArrayList<>(List.of(api, engine, toml));
        modulePath.addAll(jackson);
        Path modules = FixtureJar.compileModules(dir.resolve("modules"), Map.of(
                "com.acme.json/module-info.java", JSON_MODULE,
                "com.acme.json/com/acme/json/JsonProvider.java", JSON_PROVIDER,
                "com.acme.toml/module-info.java", TOML_MODULE,
                "com.acme.toml/com/acme/toml/TomlProvider.java", TOML_PROVIDER,
                "com.acme.sneaky/module-info.java", SNEAKY_MODULE,
                "com.acme.sneaky/com/acme/sneaky/SneakyProvider.java", SNEAKY_PROVIDER), modulePath);
        Path plain = FixtureJar.compileClasses(dir.resolve("plain"), Map.of(
                "com/acme/sneaky/SneakyProvider.java", SNEAKY_PROVIDER,
                "com/acme/util/Util.java", "package com.acme.util;\n\npublic final class Util {\n}\n"),
                List.of(api, engine));
        Path jars = Files.createDirectories(dir.resolve("jars"));
        return new PlatformModuleFixtures(
                plugin("json-probe").classes(modules.resolve("com.acme.json"), "")
                        .writeTo(jars.resolve("json-probe-1.0.jar")),
                plugin("toml-probe").classes(modules.resolve("com.acme.toml"), "")
                        .writeTo(jars.resolve("toml-probe-1.0.jar")),
                plugin("engine-user").classes(modules.resolve("com.acme.sneaky"), "")
                        .writeTo(jars.resolve("engine-user-1.0.jar")),
                plugin("plain-engine-user").classes(plain, "com/acme/sneaky")
                        .service(MeasureProvider.class, "com.acme.sneaky.SneakyProvider")
                        .writeTo(jars.resolve("plain-engine-user-1.0.jar")),
                FixtureJar.withManifest().classes(plain, "com/acme/util").writeTo(jars.resolve("acme-util-1.0.jar")),
                toml,
                List.of(libs.resolve("jackson-databind-2.17.2.jar"), libs.resolve("jackson-core-2.17.2.jar"),
                        libs.resolve("jackson-annotations-2.17.2.jar")));
    }

    private static FixtureJar plugin(String id) {
        return FixtureJar.withManifest(PluginDescriptor.ID, id, PluginDescriptor.VERSION, "1.0",
                PluginDescriptor.API_RANGE, "[1.0,2.0)");
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
