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
     * @param source a plugin
     * @param jars its jars
     * @return the jar itself, or the one jar in the folder whose manifest has {@code Autoscalebot-Plugin-Id}
     * @throws LoadProblem when a folder has no such jar, or more than one
     */
    static Path pluginJar(PluginSource source, List<Path> jars) throws LoadProblem {
        if (!source.folder()) {
            return source.location();
        }
        List<Path> candidates = new ArrayList<>();
        for (Path jar : jars) {
            if (PluginDescriptor.declaresPluginId(manifest(jar))) {
                candidates.add(jar);
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
                + candidates.stream().map(jar -> jar.getFileName().toString()).collect(Collectors.joining(", "))
                + "); give each plugin its own folder");
    }
}
