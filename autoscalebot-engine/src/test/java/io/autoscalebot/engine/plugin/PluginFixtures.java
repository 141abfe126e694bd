package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.scale.ScaleProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The plugin jars the loader tests drop into plugin directories, compiled once per test class from the sources below.
 *
 * @param good {@code acme-1.2.0.jar}: module {@code com.acme.queue}, plugin {@code acme}, measure {@code acme-queue}
 * @param incompatible {@code acme-next-2.0.0.jar}: the same code built for API {@code [2.0,3.0)}
 * @param sameId {@code zz-acme-copy.jar}: another jar claiming plugin id {@code acme}
 * @param sameComponent {@code acme-fork-1.0.jar}: plugin {@code acme-fork} offering measure {@code acme-queue} too
 * @param corrupt {@code corrupt.jar}: random bytes
 * @param noProviders {@code empty-1.0.jar}: a plugin manifest but no provider
 * @param plain {@code plain-gauge-0.3.jar}: no plugin attributes, decide {@code plain-gauge} in META-INF/services
 * @param badId {@code bad-id-1.0.jar}: notify provider whose id is {@code Bad_Id}
 * @param throwing {@code throwing-1.0.jar}: scale provider whose constructor throws
 * @param hanging {@code hanging-1.0.jar}: measure provider whose constructor never returns
 * @param bundlesApi {@code fat-1.0.jar}: carries a class in the API's package, as a shaded jar would
 * @param slf4jProbe {@code slf4j-probe-1.0.jar}: module {@code com.acme.logging} requiring {@code org.slf4j}, measure
 *     {@code slf4j-probe} whose unit says which slf4j it sees ({@code slf4j-2} or {@code slf4j-1})
 * @param misspelled {@code typo-1.0.jar}: a plugin jar whose manifest misspells {@code Autoscalebot-Plugin-Verison}
 * @param slf4jOld the real slf4j-api 1.7.36 jar (automatic module {@code org.slf4j})
 * @param slf4jNew the real slf4j-api 2.0.17 jar (explicit module {@code org.slf4j})
 */
record PluginFixtures(Path good, Path incompatible, Path sameId, Path sameComponent, Path corrupt, Path noProviders,
                      Path plain, Path badId, Path throwing, Path hanging, Path bundlesApi, Path slf4jProbe,
                      Path misspelled, Path slf4jOld, Path slf4jNew) {

    private static final String QUEUE_MODULE = """
            module com.acme.queue {
                requires io.autoscalebot.api;
                provides io.autoscalebot.api.measure.MeasureProvider with com.acme.queue.QueueProvider;
            }
            """;
    private static final String QUEUE_PROVIDER = """
            package com.acme.queue;

            import io.autoscalebot.api.PluginContext;
            import io.autoscalebot.api.measure.Measure;
            import io.autoscalebot.api.measure.MeasureProvider;
            import io.autoscalebot.api.measure.Measurement;
            import io.autoscalebot.api.settings.Setting;
            import io.autoscalebot.api.settings.SettingType;
            import io.autoscalebot.api.settings.Settings;
            import java.util.List;

            public final class QueueProvider implements MeasureProvider {
                public String id() { return "acme-queue"; }
                public String description() { return "Depth of the acme queue."; }
                public List<Setting> settings() {
                    return List.of(Setting.of("depth", SettingType.INTEGER).defaultValue(42).doc("Depth to report."));
                }
                public Measure create(Settings settings, PluginContext context) {
                    int depth = settings.integer("depth");
                    return () -> {
                        // Reports whether the engine called it with the plugin's own context class loader.
                        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
                        String unit = contextLoader == QueueProvider.class.getClassLoader() ? "tasks" : "wrong-loader";
                        return Measurement.of(context.clock().instant(), depth, unit);
                    };
                }
            }
            """;
    private static final String PROBE_MODULE = """
            module com.acme.logging {
                requires io.autoscalebot.api;
                requires org.slf4j;
                provides io.autoscalebot.api.measure.MeasureProvider with com.acme.logging.ProbeProvider;
            }
            """;
    private static final String PROBE_PROVIDER = """
            package com.acme.logging;

            import io.autoscalebot.api.PluginContext;
            import io.autoscalebot.api.measure.Measure;
            import io.autoscalebot.api.measure.MeasureProvider;
            import io.autoscalebot.api.measure.Measurement;
            import io.autoscalebot.api.settings.Settings;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            public final class ProbeProvider implements MeasureProvider {
                public String id() { return "slf4j-probe"; }
                public String description() { return "Logs through slf4j."; }
                public Measure create(Settings settings, PluginContext context) {
                    return () -> {
                        Logger logger = LoggerFactory.getLogger("probe");
                        logger.info("measuring");
                        // slf4j-api 1.7.36 is an automatic module; 2.x declares module-info.
                        boolean automatic = Logger.class.getModule().getDescriptor().isAutomatic();
                        return Measurement.of(context.clock().instant(), 1, automatic ? "slf4j-1" : "slf4j-2");
                    };
                }
            }
            """;
    private static final String GAUGE_PROVIDER = """
            package com.plain.gauge;

            import io.autoscalebot.api.PluginContext;
            import io.autoscalebot.api.decide.Decide;
            import io.autoscalebot.api.decide.DecideProvider;
            import io.autoscalebot.api.decide.Decision;
            import io.autoscalebot.api.settings.Settings;

            public final class GaugeProvider implements DecideProvider {
                public String id() { return "plain-gauge"; }
                public String description() { return "Always holds."; }
                public Decide create(Settings settings, PluginContext context) {
                    return decideContext -> Decision.hold("gauge says hold");
                }
            }
            """;
    private static final String EMPTY_CLASS = """
            package com.broken.empty;

            public final class Nothing {
            }
            """;
    private static final String SHADED_API_CLASS = """
            package io.autoscalebot.api;

            public final class Shaded {
            }
            """;

    /**
     * Compiles the sources and writes every jar.
     *
     * @param dir a fresh directory
     * @return the jars
     */
    static PluginFixtures build(Path dir) throws IOException {
        Path libs = Path.of(System.getProperty("autoscalebot.test.libs", "target/test-libs"));
        Path slf4jOld = libs.resolve("slf4j-api-1.7.36.jar");
        Path slf4jNew = libs.resolve("slf4j-api-2.0.17.jar");
        Path api = apiLocation();
        Path modules = FixtureJar.compileModules(dir.resolve("modules"), Map.of(
                "com.acme.queue/module-info.java", QUEUE_MODULE,
                "com.acme.queue/com/acme/queue/QueueProvider.java", QUEUE_PROVIDER,
                "com.acme.logging/module-info.java", PROBE_MODULE,
                "com.acme.logging/com/acme/logging/ProbeProvider.java", PROBE_PROVIDER), List.of(api, slf4jOld));
        Path classes = FixtureJar.compileClasses(dir.resolve("plain"), Map.of(
                "com/plain/gauge/GaugeProvider.java", GAUGE_PROVIDER,
                "com/acme/fork/ForkProvider.java", provider("com.acme.fork", "ForkProvider", "measure.Measure",
                        "acme-queue", ""),
                "com/broken/badid/BadIdProvider.java", provider("com.broken.badid", "BadIdProvider", "notify.Notify",
                        "Bad_Id", ""),
                "com/broken/throwing/ThrowingProvider.java", provider("com.broken.throwing", "ThrowingProvider",
                        "scale.Scale", "throwing", "throw new IllegalStateException(\"cannot find acme.properties\");"),
                // Blocks without using a CPU until the loader gives up and interrupts it.
                "com/broken/hanging/HangingProvider.java", provider("com.broken.hanging", "HangingProvider",
                        "measure.Measure", "hanging", "new java.util.concurrent.CountDownLatch(1).await();"),
                "com/broken/empty/Nothing.java", EMPTY_CLASS,
                "io/autoscalebot/api/Shaded.java", SHADED_API_CLASS), List.of(api));
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path queue = modules.resolve("com.acme.queue");
        Path corrupt = jars.resolve("corrupt.jar");
        byte[] noise = new byte[512];
        new Random(7).nextBytes(noise);
        Files.write(corrupt, noise);
        return new PluginFixtures(
                plugin("acme", "1.2.0", "[1.0,2.0)").classes(queue, "").writeTo(jars.resolve("acme-1.2.0.jar")),
                plugin("acme-next", "2.0.0", "[2.0,3.0)").classes(queue, "")
                        .writeTo(jars.resolve("acme-next-2.0.0.jar")),
                plugin("acme", "1.0.0", "[1.0,2.0)").classes(queue, "").writeTo(jars.resolve("zz-acme-copy.jar")),
                plugin("acme-fork", "1.0", "[1.0,2.0)").classes(classes, "com/acme/fork")
                        .service(MeasureProvider.class, "com.acme.fork.ForkProvider")
                        .writeTo(jars.resolve("acme-fork-1.0.jar")),
                corrupt,
                plugin("empty", "1.0", "[1.0,2.0)").classes(classes, "com/broken/empty")
                        .writeTo(jars.resolve("empty-1.0.jar")),
                FixtureJar.withManifest().classes(classes, "com/plain/gauge")
                        .service(DecideProvider.class, "com.plain.gauge.GaugeProvider")
                        .writeTo(jars.resolve("plain-gauge-0.3.jar")),
                plugin("bad-id", "1.0", "[1.0,2.0)").classes(classes, "com/broken/badid")
                        .service(NotifyProvider.class, "com.broken.badid.BadIdProvider")
                        .writeTo(jars.resolve("bad-id-1.0.jar")),
                plugin("throwing", "1.0", "[1.0,2.0)").classes(classes, "com/broken/throwing")
                        .service(ScaleProvider.class, "com.broken.throwing.ThrowingProvider")
                        .writeTo(jars.resolve("throwing-1.0.jar")),
                plugin("hanging", "1.0", "[1.0,2.0)").classes(classes, "com/broken/hanging")
                        .service(MeasureProvider.class, "com.broken.hanging.HangingProvider")
                        .writeTo(jars.resolve("hanging-1.0.jar")),
                plugin("fat", "1.0", "[1.0,2.0)")
                        .classes(classes, "com/plain/gauge").classes(classes, "io/autoscalebot")
                        .service(DecideProvider.class, "com.plain.gauge.GaugeProvider")
                        .writeTo(jars.resolve("fat-1.0.jar")),
                plugin("slf4j-probe", "1.0", "[1.0,2.0)").classes(modules.resolve("com.acme.logging"), "")
                        .writeTo(jars.resolve("slf4j-probe-1.0.jar")),
                FixtureJar.withManifest(PluginDescriptor.ID, "typo", "Autoscalebot-Plugin-Verison", "1.0",
                        PluginDescriptor.API_RANGE, "[1.0,2.0)").classes(classes, "com/plain/gauge")
                        .service(DecideProvider.class, "com.plain.gauge.GaugeProvider")
                        .writeTo(jars.resolve("typo-1.0.jar")),
                slf4jOld, slf4jNew);
    }

    /**
     * Writes a provider whose tests only load it, never create its component.
     *
     * @param kind the API type it creates, relative to {@code io.autoscalebot.api}, like {@code measure.Measure}
     * @param constructor the body of its constructor, which may throw any exception
     * @return the source of {@code packageName.className}
     */
    private static String provider(String packageName, String className, String kind, String id, String constructor) {
        return """
                package %1$s;

                public final class %2$s implements io.autoscalebot.api.%3$sProvider {
                    public %2$s() throws Exception {
                        %5$s
                    }
                    public String id() { return "%4$s"; }
                    public String description() { return "Loaded, never created."; }
                    public io.autoscalebot.api.%3$s create(io.autoscalebot.api.settings.Settings settings,
                            io.autoscalebot.api.PluginContext context) {
                        throw new UnsupportedOperationException();
                    }
                }
                """.formatted(packageName, className, kind, id, constructor);
    }

    /**
     * @param jar a fixture jar
     * @param directory a plugins directory
     * @return the copy of the jar in that directory
     */
    static Path copy(Path jar, Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.copy(jar, directory.resolve(jar.getFileName()));
    }

    private static FixtureJar plugin(String id, String version, String range) {
        return FixtureJar.withManifest(PluginDescriptor.ID, id, PluginDescriptor.VERSION, version,
                PluginDescriptor.API_RANGE, range);
    }

    private static Path apiLocation() {
        try {
            return Path.of(MeasureProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
