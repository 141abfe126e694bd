package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The distribution's picocli is rewritten at build time as Java 8 class files (dist/src/build/ClassFileUpgrade.java),
 * so the brief commands' class-data archive can keep its classes (issue 11). Its stack map frames are computed by a
 * tool, not by javac: every class of the jar, not only those a command happens to load, must pass the JDK's verifier.
 */
class UpgradedClassFilesIT {

    @Test
    void everyClassOfTheDistributedPicocliIsAJava8ClassFileThatTheVerifierAccepts() throws Exception {
        Path jar;
        try (Stream<Path> lib = Files.list(Distribution.home().resolve("lib"))) {
            jar = lib.filter(file -> file.getFileName().toString().startsWith("picocli-")).findFirst().orElseThrow();
        }
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    assertThat(majorVersion(in.readNBytes(8))).as(name).isEqualTo(52);
                }
                classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
        }
        assertThat(classes).hasSizeGreaterThan(150);
        // A loader of its own over the jar alone: the JVM verifies every class such a loader defines, when it links
        // the class, which initialising it forces.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                Class<?> type = Class.forName(name, true, loader);
                assertThat(type.getClassLoader()).as(name).isSameAs(loader);
            }
        }
    }

    private static int majorVersion(byte[] header) throws IOException {
        if (header.length < 8) {
            throw new IOException("not a class file");
        }
        return (header[6] & 0xff) << 8 | header[7] & 0xff;
    }
}
