package io.autoscalebot.cli;

import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where plugins are looked for: the distribution's {@code plugins/}, then {@code ./plugins}, then every
 * {@code --plugins-dir}, in that order (the first plugin found with an id wins).
 */
final class PluginOptions {

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Also load plugins from DIR (repeatable). Always searched: the distribution's plugins/ and ./plugins.")
    List<Path> extraDirectories = new ArrayList<>();

    List<Path> directories() {
        List<Path> directories = new ArrayList<>();
        String home = System.getProperty("autoscalebot.home");
        if (home != null) {
            directories.add(Path.of(home, "plugins"));
        }
        Path local = Path.of("plugins").toAbsolutePath().normalize();
        if (!directories.contains(local)) {
            directories.add(local);
        }
        for (Path extra : extraDirectories) {
            Path normalized = extra.toAbsolutePath().normalize();
            if (!directories.contains(normalized)) {
                directories.add(normalized);
            }
        }
        return directories;
    }

    PluginCatalog load() {
        return new PluginLoader().load(directories());
    }
}
