package io.autoscalebot.engine;

import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.engine.config.ConfigException;
import io.autoscalebot.engine.config.ConfigLoader;
import io.autoscalebot.engine.plugin.InstallException;
import io.autoscalebot.engine.plugin.ListingCache;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInstaller;
import io.autoscalebot.engine.plugin.PluginLoader;
import io.autoscalebot.engine.plugin.PluginRemover;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine as the command line (or a program embedding autoscalebot) uses it: load plugins, load and validate a
 * configuration, then run it. This package is all the engine exports to everyone; its internal packages are exported
 * only to the modules built on them (see {@code module-info.java}), never to plugins.
 *
 * <pre>{@code
 * Plugins plugins = Autoscalebot.loadPlugins(List.of(Path.of("plugins")));
 * Configuration configuration = Autoscalebot.loadConfiguration(Path.of("autoscale.toml"), plugins, System.getenv());
 * try (Autoscaler autoscaler = Autoscalebot.autoscaler(configuration, RunOptions.DEFAULT)) {
 *     autoscaler.runOnce().forEach(tick -> System.out.println(tick.summary()));
 * }
 * }</pre>
 */
public final class Autoscalebot {

    private Autoscalebot() {
    }

    /**
     * Finds the plugins in the directories, each in its own module layer. A directory that does not exist is skipped;
     * a plugin that cannot be loaded is listed with the reason ({@link Plugins#problems()}), never thrown.
     *
     * @param directories searched in order; the first plugin found with an id wins
     * @return every plugin found, loaded or not
     */
    public static Plugins loadPlugins(List<Path> directories) {
        return new Plugins(new PluginLoader().load(List.copyOf(directories)));
    }

    /**
     * What {@code plugins list} prints of every plugin in the directories, as {@link #loadPlugins} finds them: from the
     * listing kept in the user's cache folder when no plugin file, folder, the engine nor the JDK changed since it was
     * made, else by loading them (see {@link ListingCache}).
     *
     * @param directories searched in order, as for {@link #loadPlugins}
     * @param json the JSON form ({@link Plugins#json()}) rather than the table ({@link Plugins#table()})
     * @return the listing
     */
    public static String pluginListing(List<Path> directories, boolean json) {
        List<Path> searched = List.copyOf(directories);
        ListingCache.Listing listing = ListingCache.inUserCache()
                .listing(searched, () -> new PluginLoader().load(searched));
        return json ? listing.json() : listing.table();
    }

    /**
     * Finds the plugins in the directories and loads only those the configuration files may need: the plugins whose
     * manifest lists a component id a file names ({@code plugin = "..."}) and every plugin without such a list. Every
     * plugin is loaded, as by {@link #loadPlugins}, when a file cannot be read or names an id no plugin lists. Loading
     * a plugin's layer and providers is most of a short command's start-up, and a configuration names a few of them.
     *
     * <p>{@link #loadConfiguration} loads the plugins left out when a configuration has errors, so that every message
     * (an unknown plugin with the ids there are, a table without {@code plugin}) is the same as with all of them.
     *
     * @param directories searched in order, as for {@link #loadPlugins}
     * @param configurations the {@code autoscale.toml} files the command will load
     * @return the plugins loaded, and how to load the others
     */
    public static Plugins loadPluginsFor(List<Path> directories, List<Path> configurations) {
        List<Path> searched = List.copyOf(directories);
        Set<String> ids = new TreeSet<>();
        for (Path configuration : configurations) {
            Optional<Set<String>> named = ConfigLoader.pluginIds(configuration);
            if (named.isEmpty()) {
                return loadPlugins(searched);
            }
            ids.addAll(named.get());
        }
        return new Plugins(new PluginLoader().loadOffering(searched, ids),
                () -> new PluginLoader().load(searched));
    }

    /**
     * Plugins given as providers in this JVM, on their own class loaders, one plugin each: for a program that embeds
     * autoscalebot with its own backends, and for tests.
     *
     * @param providers the providers, offered as built-in plugins
     * @return the plugins
     */
    public static Plugins plugins(PluginProvider<?>... providers) {
        return new Plugins(PluginCatalog.of(providers));
    }

    /**
     * Reads and validates an {@code autoscale.toml} against the plugins' declared settings.
     *
     * @param file the configuration file
     * @param plugins the plugins its components may name
     * @param env where {@code ${NAME}} references are read from, usually {@link System#getenv()}
     * @return the configuration, ready to run
     * @throws ConfigurationException listing every problem at its {@code FILE:LINE:COL}
     */
    public static Configuration loadConfiguration(Path file, Plugins plugins, Map<String, String> env)
            throws ConfigurationException {
        Objects.requireNonNull(plugins, "plugins");
        Map<String, String> environment = Map.copyOf(env);
        try {
            return new Configuration(ConfigLoader.load(file, plugins.catalog(), environment));
        } catch (ConfigException e) {
            if (plugins.all() != plugins) {
                // Some plugins were left out: errors may list component ids, so they are made with all of them.
                return loadConfiguration(file, plugins.all(), environment);
            }
            throw new ConfigurationException(file, e.errors().stream().map(ConfigProblem::of).toList());
        }
    }

    /**
     * Prepares a configuration to run in real time, keeping each group's state in the configuration's state
     * directory; creates no plugin instance yet.
     *
     * @param configuration what to run
     * @param options dry run and teardown budget
     * @return the autoscaler, not started: {@link Autoscaler#start()} it or {@link Autoscaler#runOnce()}; unless a dry
     *     run, it holds the state directory's instance lock until stopped
     * @throws StartRefusedException when another instance runs on the same state directory (a second one would scale
     *     too), or the directory cannot be locked
     */
    public static Autoscaler autoscaler(Configuration configuration, RunOptions options) throws StartRefusedException {
        return new Autoscaler(configuration.engineConfig(), options);
    }

    /**
     * Checks a plugin (a jar, a plugin folder, or a {@code .zip}/{@code .tar.gz} of one) the way {@link #loadPlugins}
     * would load it, then moves it into {@code directory}; nothing changes when it is refused.
     *
     * @param source what to install
     * @param searched every plugins directory a run searches, whose ids the new plugin must not take
     * @param bundled the distribution's own plugins directory, never written to; {@code null} when unknown
     * @param directory where to install
     * @param replace whether a plugin with the same id in {@code directory} is replaced
     * @return lines saying what was installed, replaced or outranked
     * @throws PluginChangeException saying what is wrong with which file and how to fix it
     */
    public static List<String> installPlugin(Path source, List<Path> searched, Path bundled, Path directory,
                                             boolean replace) throws PluginChangeException {
        try {
            return new PluginInstaller(new PluginLoader(), List.copyOf(searched), bundled)
                    .install(source, directory, replace).summary();
        } catch (InstallException e) {
            throw new PluginChangeException(e.getMessage());
        }
    }

    /**
     * Removes an installed plugin, by plugin id or else by the id of a component it offers, from every user directory.
     *
     * @param plugins the plugins found, to match the id against
     * @param directories the user's plugins directories (never the distribution's own)
     * @param bundled the distribution's own plugins directory, whose plugins are never removed; {@code null} if unknown
     * @param id a plugin id or a component id
     * @return lines saying what was removed
     * @throws PluginChangeException when nothing matches (listing what is installed) or the plugin is bundled
     */
    public static List<String> removePlugin(Plugins plugins, List<Path> directories, Path bundled, String id)
            throws PluginChangeException {
        try {
            return new PluginRemover(List.copyOf(directories), bundled).remove(plugins.catalog(), id).summary();
        } catch (InstallException e) {
            throw new PluginChangeException(e.getMessage());
        }
    }
}
