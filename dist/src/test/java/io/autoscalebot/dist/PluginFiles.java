package io.autoscalebot.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Makes the plugin files users end up with: another release of a plugin, one built for another API, or not a jar at
 * all.
 */
final class PluginFiles {

    private PluginFiles() {
    }

    /**
     * Writes a copy of a plugin jar whose manifest claims another {@code Autoscalebot-Api-Range}, as a plugin built for
     * a future autoscalebot would have.
     */
    static Path withApiRange(Path jar, String apiRange, Path target) {
        return withAttribute(jar, "Autoscalebot-Api-Range", apiRange, target);
    }

    /** Writes a copy of a plugin jar whose manifest claims another {@code Autoscalebot-Plugin-Version}. */
    static Path withVersion(Path jar, String version, Path target) {
        return withAttribute(jar, "Autoscalebot-Plugin-Version", version, target);
    }

    /** Writes a copy of a plugin jar whose manifest lists these component ids in {@code Autoscalebot-Components}. */
    static Path withComponents(Path jar, String ids, Path target) {
        return withAttribute(jar, "Autoscalebot-Components", ids, target);
    }

    private static Path withAttribute(Path jar, String name, String value, Path target) {
        try (JarFile source = new JarFile(jar.toFile());
             OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(source.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name(name), value);
            try (JarOutputStream copy = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = source.getInputStream(entry)) {
                        content.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes random bytes under a jar's name, as an interrupted download leaves. */
    static Path corrupt(Path target) {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        try {
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
