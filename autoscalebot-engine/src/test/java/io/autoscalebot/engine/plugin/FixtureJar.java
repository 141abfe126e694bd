package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds real jars for the loader tests: compiles sources with the JDK's own javac, then writes the classes, extra
 * entries and manifest attributes with {@link JarOutputStream}, as a plugin's build would.
 */
final class FixtureJar {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /**
     * Compiles modules in the multi-module layout ({@code com.acme.queue/module-info.java}, ...).
     *
     * @param work a fresh directory; sources go to {@code work/src}, classes to {@code work/classes/<module>}
     * @param sources file text by path relative to the source root
     * @param modulePath the modules they require
     * @return the classes directory, one folder per module
     */
    static Path compileModules(Path work, Map<String, String> sources, List<Path> modulePath) throws IOException {
        return compile(work, sources, List.of("--module-source-path", work.resolve("src").toString(),
                "--module-path", pathOf(modulePath)));
    }

    /**
     * Compiles classes that are not in a module.
     *
     * @param work a fresh directory; sources go to {@code work/src}, classes to {@code work/classes}
     * @param sources file text by path relative to the source root
     * @param classPath what they compile against
     * @return the classes directory
     */
    static Path compileClasses(Path work, Map<String, String> sources, List<Path> classPath) throws IOException {
        return compile(work, sources, List.of("-classpath", pathOf(classPath)));
    }

    private static Path compile(Path work, Map<String, String> sources, List<String> options) throws IOException {
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, source.getValue()));
        }
        // java.util.spi.ToolProvider (java.base) rather than javax.tools, which the engine module does not read.
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-d", classes.toString(), "--release", "17", "-nowarn", "-implicit:class"));
        files.forEach(file -> arguments.add(file.toString()));
        StringWriter diagnostics = new StringWriter();
        PrintWriter out = new PrintWriter(diagnostics);
        int exit = javac.run(out, out, arguments.toArray(String[]::new));
        out.flush();
        assertThat(exit).as("fixture sources compile: %s", diagnostics).isZero();
        return classes;
    }

    private static String pathOf(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** @return a jar with these manifest attributes (none: a plain jar with only a manifest version) */
    static FixtureJar withManifest(String... namesAndValues) {
        FixtureJar jar = new FixtureJar();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            jar.manifest.put(namesAndValues[index], namesAndValues[index + 1]);
        }
        return jar;
    }

    /** Adds every class file below {@code classes/prefix}, at its path relative to {@code classes}. */
    FixtureJar classes(Path classes, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(classes.resolve(prefix))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return this;
    }

    /** Registers a provider the way a jar without module-info does. */
    FixtureJar service(Class<?> service, String provider) {
        entries.put("META-INF/services/" + service.getName(), (provider + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Writes the jar. */
    Path writeTo(Path jar) throws IOException {
        Manifest written = new Manifest();
        written.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> written.getMainAttributes().putValue(name, value));
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, written)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }
}
