package io.autoscalebot.cli;

import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.Plugins;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where plugins are looked for: the distribution's {@code plugins/}, then {@code ./plugins}, then every
 * {@code --plugins-dir}, in that order. Of plugins with the same id the highest version built for this API is used,
 * the first found of equal versions. {@code plugins install} installs into the first {@code --plugins-dir}, else into
 * {@code ./plugins}: the folder {@code run} searches when started from the same place.
 */
final class PluginOptions {

    /** The option's name, here and on the top-level command. */
    static final String PLUGINS_DIR = "--plugins-dir";

    @Option(names = PLUGINS_DIR, paramLabel = "DIR",
            description = "Also load plugins from DIR (repeatable). Always searched: the distribution's plugins/ and ./plugins.")
    List<Path> extraDirectories = new ArrayList<>();
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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
        for (Path extra : extraDirectories()) {
            Path normalized = extra.toAbsolutePath().normalize();
            if (!directories.contains(normalized)) {
                directories.add(normalized);
            }
        }
        return directories;
    }

    /** @return the distribution's own {@code plugins/}, which holds the bundled plugins; {@code null} when unknown */
    Path bundledDirectory() {
        String home = System.getProperty("autoscalebot.home");
        return home == null ? null : Path.of(home, "plugins").toAbsolutePath().normalize();
    }

    /** @return where {@code plugins install} puts a plugin: the first {@code --plugins-dir}, else {@code ./plugins} */
    Path installDirectory() {
        List<Path> extra = extraDirectories();
        Path directory = extra.isEmpty() ? Path.of("plugins") : extra.get(0);
        return directory.toAbsolutePath().normalize();
    }

    /** @return the searched directories but the distribution's own: those a user installs into and removes from */
    List<Path> userDirectories() {
        return directories().stream().filter(directory -> !directory.equals(bundledDirectory())).toList();
    }

    /**
     * @return the {@code --plugins-dir} folders given before the subcommand ({@code autoscalebot --plugins-dir X
     *     plugins list}), then those given after it
     */
    private List<Path> extraDirectories() {
        List<Path> all = new ArrayList<>();
        CommandSpec root = command == null ? null : command.root();
        OptionSpec global = root == null || root == command ? null : root.findOption(PLUGINS_DIR);
        if (global != null && global.getValue() != null) {
            all.addAll(global.<List<Path>>getValue());
        }
        all.addAll(extraDirectories);
        return all;
    }

    /** Loads the plugins; warns on the command's stderr about every {@code --plugins-dir} that is not a folder. */
    Plugins load() {
        warnAboutMissingDirectories(command.commandLine().getErr());
        return Autoscalebot.loadPlugins(directories());
    }

    /**
     * What {@code plugins list} prints, kept between runs while no plugin changes (see
     * {@link Autoscalebot#pluginListing}); warns as {@link #load()} does.
     */
    String listing(boolean json) {
        warnAboutMissingDirectories(command.commandLine().getErr());
        return Autoscalebot.pluginListing(directories(), json);
    }

    /**
     * Loads the plugins these configuration files may need (see {@link Autoscalebot#loadPluginsFor}); warns as
     * {@link #load()} does.
     */
    Plugins loadFor(List<Path> configurations) {
        warnAboutMissingDirectories(command.commandLine().getErr());
        return Autoscalebot.loadPluginsFor(directories(), configurations);
    }

    /**
     * A directory the user named and that is not there is most likely a typo; the default ones often do not exist and
     * are skipped quietly.
     */
    private void warnAboutMissingDirectories(PrintWriter err) {
        for (Path extra : extraDirectories()) {
            if (!Files.exists(extra)) {
                err.println("autoscalebot: warning: --plugins-dir " + extra + " does not exist; no plugins are loaded "
                        + "from it. Check the path (relative paths start at " + Path.of("").toAbsolutePath() + ").");
            } else if (!Files.isDirectory(extra)) {
                err.println("autoscalebot: warning: --plugins-dir " + extra + " is a file, not a folder; no plugins "
                        + "are loaded from it. Name the folder holding the plugin jars.");
            }
        }
        err.flush();
    }
}
