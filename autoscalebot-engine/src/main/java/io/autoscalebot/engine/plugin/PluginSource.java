package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One plugin as found in a plugins directory, before it is read: a jar, or a folder holding the plugin jar and its
 * libraries.
 *
 * @param location the jar or folder, as reached from the directory the user gave (so messages show familiar paths)
 * @param folder whether it is a folder
 */
record PluginSource(Path location, boolean folder) {

    /**
     * Lists the plugins in one directory, sorted by file name so the order does not depend on the file system. Jars and
     * folders holding at least one jar are plugins; other files (a README), folders without a jar and hidden entries are
     * not. Folders without jars are passed over because running from a source checkout makes its {@code plugins/}
     * folder of Maven modules the user's {@code ./plugins}; reporting each module as a broken plugin would be noise.
     *
     * @param directory a plugins directory
     * @return the plugins found; empty when the directory does not exist
     * @throws IOException when the directory exists but cannot be listed
     */
    static List<PluginSource> in(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<PluginSource> sources = new ArrayList<>();
        for (Path entry : sortedEntries(directory)) {
            if (Files.isDirectory(entry)) {
                PluginSource folder = new PluginSource(entry, true);
                if (!folder.jars().isEmpty()) {
                    sources.add(folder);
                }
            } else if (isJar(entry)) {
                sources.add(new PluginSource(entry, false));
            }
        }
        return sources;
    }

    /**
     * @return the jars making up this plugin: the jar itself, or every jar in the folder sorted by name
     * @throws IOException when the folder cannot be listed
     */
    List<Path> jars() throws IOException {
        if (!folder) {
            return List.of(location);
        }
        return sortedEntries(location).stream().filter(PluginSource::isJar).toList();
    }

    /** @return the file or folder name */
    String name() {
        return location.getFileName().toString();
    }

    @Override
    public String toString() {
        return location.toString();
    }

    private static boolean isJar(Path entry) {
        return Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> sortedEntries(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }
}
