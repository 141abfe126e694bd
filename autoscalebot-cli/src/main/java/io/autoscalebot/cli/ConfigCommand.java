package io.autoscalebot.cli;

import io.autoscalebot.engine.Configuration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code autoscalebot config validate}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check configuration.",
        subcommands = ConfigCommand.ValidateCommand.class)
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate the configuration against the plugins' declared settings, reporting every error.")
    static final class ValidateCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Mixin
        PluginOptions plugins;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Optional<Configuration> loaded = config.load(plugins.loadFor(List.of(config.file)), spec.commandLine().getErr());
            if (loaded.isEmpty()) {
                return Main.USAGE;
            }
            Configuration configuration = loaded.get();
            int groups = configuration.groups().size();
            spec.commandLine().getOut().println(config.file + ": valid, " + groups
                    + (groups == 1 ? " group: " : " groups: ") + configuration.describeGroups());
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }
}
