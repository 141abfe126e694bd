package io.autoscalebot.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the build put what the end-to-end tests run: the unpacked distribution, the repository, the third-party example
 * plugin and an old slf4j-api (paths set by failsafe in dist/pom.xml).
 */
final class Distribution {

    private Distribution() {
    }

    /** @return the unpacked distribution, {@code dist/target/autoscalebot} */
    static Path home() {
        return path("autoscalebot.dist");
    }

    /** @return the repository root */
    static Path repository() {
        return path("autoscalebot.repo");
    }

    /** @return the example third-party plugin jar, {@code file-value-plugin-0.9.0.jar} */
    static Path thirdPartyJar() {
        return path("autoscalebot.thirdPartyJar");
    }

    /** @return {@code slf4j-api-1.7.36.jar} */
    static Path slf4j1Jar() {
        return path("autoscalebot.slf4j1Jar");
    }

    /** @return the folder of libraries the tests drop into plugin folders: slf4j-api 1.7.36, Jackson 2.17.2 */
    static Path e2eLibs() {
        return path("autoscalebot.e2eLibs");
    }

    /** @return a bundled plugin's folder in the distribution, like {@code plugins/celery-redis} */
    static Path bundledPlugin(String folder) {
        return home().resolve("plugins").resolve(folder);
    }

    /**
     * Copies the distribution (bin, lib and the bundled plugins but the excluded ones), as a user who unpacks it
     * elsewhere and removes plugins would have it.
     *
     * @return the copy's home
     */
    static Path copyWithout(Path target, Set<String> excludedPlugins) {
        copyTree(home().resolve("bin"), target.resolve("bin"));
        copyTree(home().resolve("lib"), target.resolve("lib"));
        try (Stream<Path> plugins = Files.list(home().resolve("plugins"))) {
            plugins.filter(plugin -> !excludedPlugins.contains(plugin.getFileName().toString()))
                    .forEach(plugin -> copyTree(plugin, target.resolve("plugins").resolve(plugin.getFileName())));
            Files.createDirectories(target.resolve("plugins"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Copies a file or a folder with everything in it, keeping file modes (the launcher stays executable). */
    static void copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the end-to-end tests"
                    + " with `mvn verify -pl dist -am`, which sets it in dist/pom.xml");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " = " + path + " does not exist; build it first with"
                    + " `mvn package -pl dist -am`");
        }
        return path;
    }
}
