package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Copies a fixture jar with other manifest attributes, as another release of the same plugin would be. */
final class JarCopies {

    private JarCopies() {
    }

    /**
     * @param jar a plugin jar
     * @param target the copy to write
     * @param attributes manifest attribute names and values to set, in pairs
     * @return {@code target}
     */
    static Path withManifest(Path jar, Path target, String... attributes) throws IOException {
        Files.createDirectories(target.getParent());
        try (JarFile source = new JarFile(jar.toFile()); OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(source.getManifest());
            for (int i = 0; i < attributes.length; i += 2) {
                manifest.getMainAttributes().put(new Attributes.Name(attributes[i]), attributes[i + 1]);
            }
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
        }
        return target;
    }

    /** @return a copy of {@code jar} as version {@code version} of plugin {@code id} */
    static Path release(Path jar, Path target, String id, String version) throws IOException {
        return withManifest(jar, target, PluginDescriptor.ID, id, PluginDescriptor.VERSION, version);
    }
}
