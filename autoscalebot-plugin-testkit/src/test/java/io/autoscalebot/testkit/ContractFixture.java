package io.autoscalebot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.MeasureProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A measure plugin for the contract tests, compiled with the JDK's javac and jarred as a plugin build would. It keeps
 * the contract unless a test swaps one part of its source for a broken one.
 */
final class ContractFixture {

    private final Map<String, String> parts = new HashMap<>(Map.of(
            "ID", "fixture-queue",
            "SETTINGS", """
                    Setting.of("path", SettingType.STRING).defaultValue("queue.txt").doc("File holding the depth."),
                    Setting.of("api_token", SettingType.STRING).asSecret().doc("Token of the queue's API.")""",
            "VALIDATE", "return List.of();",
            "CREATE", "",
            "MEASURE", "throw new java.io.IOException(\"cannot read \" + path + \": no such file; create it\");",
            "TEARDOWN", "closed = true;"));
    private String pluginId = "fixture";

    /** @return this fixture, with that part of the provider's source replaced */
    ContractFixture with(String part, String source) {
        assertThat(parts).containsKey(part);
        parts.put(part, source);
        return this;
    }

    /** @return this fixture, with that Autoscalebot-Plugin-Id in its manifest */
    ContractFixture pluginId(String id) {
        this.pluginId = id;
        return this;
    }

    /** Compiles the plugin into {@code work} and writes its jar there. */
    Path build(Path work) throws IOException {
        String source = """
                package com.acme.fixture;

                import io.autoscalebot.api.PluginContext;
                import io.autoscalebot.api.measure.Measure;
                import io.autoscalebot.api.measure.MeasureProvider;
                import io.autoscalebot.api.measure.Measurement;
                import io.autoscalebot.api.settings.Setting;
                import io.autoscalebot.api.settings.SettingProblem;
                import io.autoscalebot.api.settings.SettingType;
                import io.autoscalebot.api.settings.Settings;
                import java.util.List;

                public final class FixtureProvider implements MeasureProvider {
                    public String id() { return "ID"; }
                    public String description() { return "Depth of a queue, from a file."; }
                    public List<Setting> settings() { return List.of(SETTINGS); }
                    public List<SettingProblem> validate(Settings settings) { VALIDATE }
                    public Measure create(Settings settings, PluginContext context) throws Exception {
                        CREATE
                        String path = settings.string("path");
                        return new Measure() {
                            boolean closed;
                            public Measurement measure() throws Exception { MEASURE }
                            public void teardown() { TEARDOWN }
                        };
                    }
                }
                """;
        for (Map.Entry<String, String> part : parts.entrySet()) {
            source = source.replace(part.getKey(), part.getValue());
        }
        Path src = work.resolve("src");
        Path moduleInfo = write(src.resolve("module-info.java"), """
                module com.acme.fixture {
                    requires io.autoscalebot.api;
                    provides io.autoscalebot.api.measure.MeasureProvider with com.acme.fixture.FixtureProvider;
                }
                """);
        Path provider = write(src.resolve("com/acme/fixture/FixtureProvider.java"), source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        StringWriter diagnostics = new StringWriter();
        int exit = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(diagnostics),
                new PrintWriter(diagnostics), "--release", "17", "-nowarn", "-d", classes.toString(),
                "--module-path", apiLocation().toString(), moduleInfo.toString(), provider.toString());
        assertThat(exit).as("fixture compiles: %s", diagnostics).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Autoscalebot-Plugin-Id", pluginId);
        manifest.getMainAttributes().putValue("Autoscalebot-Plugin-Version", "1.0.0");
        manifest.getMainAttributes().putValue("Autoscalebot-Api-Range", "[1.0,2.0)");
        Path jar = work.resolve("fixture-1.0.0.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path entry : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static Path apiLocation() {
        try {
            return Path.of(MeasureProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
