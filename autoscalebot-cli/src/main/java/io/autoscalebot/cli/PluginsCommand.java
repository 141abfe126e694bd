package io.autoscalebot.cli;

import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.PluginChangeException;
import io.autoscalebot.engine.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code autoscalebot plugins list|describe|docs|install|remove}. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List, describe, install and remove plugins.")
// Its subcommands (list, describe, docs, install, remove) are added by Main, only the one a command line names.
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
            spec.commandLine().getOut().print(plugins.listing(json));
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
            Plugins loaded = plugins.load();
            Optional<String> text = loaded.describe(id);
            if (text.isEmpty()) {
                spec.commandLine().getErr().println("autoscalebot: " + loaded.notLoaded(id));
                return Main.USAGE;
            }
            spec.commandLine().getOut().print(text.get());
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
            Map<String, String> pages = plugins.load().docsPages();
            Files.createDirectories(out);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Path file = out.resolve(page.getKey() + ".md");
                Files.writeString(file, page.getValue());
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
            try {
                Autoscalebot.installPlugin(source, plugins.directories(), plugins.bundledDirectory(),
                        plugins.installDirectory(), replace).forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().flush();
                return Main.OK;
            } catch (PluginChangeException e) {
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
            try {
                Autoscalebot.removePlugin(plugins.load(), plugins.userDirectories(), plugins.bundledDirectory(), id)
                        .forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().flush();
                return Main.OK;
            } catch (PluginChangeException e) {
                spec.commandLine().getErr().println("autoscalebot: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return Main.USAGE;
            }
        }
    }
}
