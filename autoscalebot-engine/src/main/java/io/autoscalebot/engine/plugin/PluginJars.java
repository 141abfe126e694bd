package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/** Reads jar manifests and picks a folder's plugin jar. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * @param jar a jar file
     * @return its manifest, or {@code null} when it has none
     * @throws LoadProblem when it is not a readable jar, naming it
     */
    static Manifest manifest(Path jar) throws LoadProblem {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException e) {
            throw LoadProblem.broken(JdkFailures.describe(jar, e));
        }
    }

    /**
     * A plugin jar and its manifest, read once: a folder's jars are opened to find the plugin jar, and opening it
     * again for its manifest cost a jar's central directory per plugin at every start (issue 11).
     *
     * @param jar the plugin jar
     * @param manifest its manifest, or {@code null} when it has none
     */
    record PluginJar(Path jar, Manifest manifest) {
    }

    /**
     * @param source a plugin
     * @param jars its jars
     * @return the jar itself, or the one jar in the folder whose manifest has {@code Autoscalebot-Plugin-Id}, with its
     *     manifest
     * @throws LoadProblem when a folder has no such jar, or more than one, or a jar cannot be read
     */
    static PluginJar pluginJar(PluginSource source, List<Path> jars) throws LoadProblem {
        if (!source.folder()) {
            return new PluginJar(source.location(), manifest(source.location()));
        }
        List<PluginJar> candidates = new ArrayList<>();
        for (Path jar : jars) {
            Manifest manifest = manifest(jar);
            if (PluginDescriptor.declaresPluginId(manifest)) {
                candidates.add(new PluginJar(jar, manifest));
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw LoadProblem.broken(source + ": this plugin folder has no jar whose manifest has "
                    + PluginDescriptor.ID + "; put the plugin jar in it, or put a plain plugin jar directly in the "
                    + "plugins directory instead of in a folder");
        }
        throw LoadProblem.broken(source + ": this plugin folder has " + candidates.size() + " plugin jars ("
                + candidates.stream().map(candidate -> candidate.jar().getFileName().toString())
                        .collect(Collectors.joining(", "))
                + "); give each plugin its own folder");
    }
}
