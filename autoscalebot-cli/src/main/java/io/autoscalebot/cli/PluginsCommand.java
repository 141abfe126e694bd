package io.autoscalebot.cli;

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

/** {@code autoscalebot plugins list|describe|docs}. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List and describe the plugins found.",
        subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.DescribeCommand.class,
                PluginsCommand.DocsCommand.class})
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
            Plugins loaded = plugins.load();
            spec.commandLine().getOut().print(json ? loaded.json() : loaded.table());
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
}
