package io.autoscalebot.cli;

import io.autoscalebot.api.Kind;
import io.autoscalebot.engine.config.SettingsDocs;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.plugin.InstallException;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInfo;
import io.autoscalebot.engine.plugin.PluginInstaller;
import io.autoscalebot.engine.plugin.PluginListing;
import io.autoscalebot.engine.plugin.PluginLoader;
import io.autoscalebot.engine.plugin.PluginRemover;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code autoscalebot plugins list|describe|docs|install|remove}. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List, describe, install and remove plugins.",
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.DescribeCommand.class,
                PluginsCommand.DocsCommand.class, PluginsCommand.InstallCommand.class,
                PluginsCommand.RemoveCommand.class})
final class PluginsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every plugin found: id, kinds, version, API range, location and status.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        PluginOptions plugins;
        @Option(names = "--json", description = "Print JSON for machines.")
        boolean json;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PluginCatalog catalog = plugins.load();
            spec.commandLine().getOut().print(json ? PluginListing.json(catalog) : PluginListing.table(catalog));
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "A component's settings: types, defaults, docs.")
    static final class DescribeCommand implements Callable<Integer> {
        @Mixin
        PluginOptions plugins;
        @Parameters(paramLabel = "ID", description = "A component id, like response-time, or a plugin id.")
        String id;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PluginCatalog catalog = plugins.load();
            List<Component> matches = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                catalog.find(kind, id).ifPresent(matches::add);
            }
            if (matches.isEmpty()) {
                catalog.plugins().stream()
                        .filter(p -> p.id().equals(id) && p.status() == PluginInfo.Status.LOADED)
                        .forEach(p -> matches.addAll(p.components()));
            }
            if (matches.isEmpty()) {
                String problem = catalog.unusable(id).map(p -> " (" + p.problem() + ")").orElse("");
                String available = catalog.plugins().stream().flatMap(p -> p.components().stream())
                        .map(Component::id).distinct().sorted().collect(Collectors.joining(", "));
                spec.commandLine().getErr().println("autoscalebot: no plugin '" + id + "' is loaded" + problem
                        + (available.isEmpty() ? "; no plugins were found" : "; available: " + available));
                return Main.USAGE;
            }
            String text = matches.stream().map(SettingsDocs::text).collect(Collectors.joining(System.lineSeparator()));
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }

    @Command(name = "docs", mixinStandardHelpOptions = true,
            description = "Write docs/plugins/<id>.md for every loaded component, from its declared settings.")
    static final class DocsCommand implements Callable<Integer> {
        @Mixin
        PluginOptions plugins;
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs/plugins",
                description = "Folder to write into (default: ${DEFAULT-VALUE}).")
        Path out;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PluginCatalog catalog = plugins.load();
            Files.createDirectories(out);
            // One page per id: a plugin may offer one id in two roles (app-decision measures and decides).
            java.util.Map<String, List<String>> pages = new java.util.TreeMap<>();
            for (PluginInfo plugin : catalog.plugins()) {
                if (plugin.status() != PluginInfo.Status.LOADED) {
                    continue;
                }
                for (Component component : plugin.components()) {
                    pages.computeIfAbsent(component.id(), id -> new ArrayList<>())
                            .add(SettingsDocs.markdown(component, plugin.version()));
                }
            }
            for (java.util.Map.Entry<String, List<String>> page : pages.entrySet()) {
                Path file = out.resolve(page.getKey() + ".md");
                Files.writeString(file, String.join(System.lineSeparator(), page.getValue()));
                spec.commandLine().getOut().println("wrote " + file);
            }
            return Main.OK;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Check a plugin, then copy it into ./plugins, or into the first --plugins-dir.",
                "It must load as run loads it, be built for this API, and take no plugin or component id already "
                        + "taken (unless --replace). Nothing is changed when it is refused."})
    static final class InstallCommand implements Callable<Integer> {
        @Mixin
        PluginOptions plugins;
        @Parameters(paramLabel = "PATH", description = "A plugin jar, a plugin folder (the plugin jar and its "
                + "libraries), or a .zip, .tar.gz or .tgz of a plugin folder.")
        Path source;
        @Option(names = "--replace", description = "Replace the plugin with the same plugin id (or a same component) "
                + "in that folder; or install beside one with the same id elsewhere, which a higher version outranks.")
        boolean replace;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PluginInstaller installer = new PluginInstaller(new PluginLoader(), plugins.directories(),
                    plugins.bundledDirectory());
            try {
                PluginInstaller.Installation done = installer.install(source, plugins.installDirectory(), replace);
                done.summary().forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().flush();
                return Main.OK;
            } catch (InstallException e) {
                spec.commandLine().getErr().println("autoscalebot: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return Main.USAGE;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove an installed plugin from ./plugins and every --plugins-dir.",
                "ID is a plugin id, or a component id (the plugin offering it goes, with all its components). "
                        + "Plugins bundled with autoscalebot are never removed."})
    static final class RemoveCommand implements Callable<Integer> {
        @Mixin
        PluginOptions plugins;
        @Parameters(paramLabel = "ID", description = "A plugin id, like threshold, or a component id, like "
                + "consecutive-threshold.")
        String id;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PluginRemover remover = new PluginRemover(plugins.userDirectories(), plugins.bundledDirectory());
            try {
                PluginRemover.Removal done = remover.remove(plugins.load(), id);
                done.summary().forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().flush();
                return Main.OK;
            } catch (InstallException e) {
                spec.commandLine().getErr().println("autoscalebot: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return Main.USAGE;
            }
        }
    }
}
