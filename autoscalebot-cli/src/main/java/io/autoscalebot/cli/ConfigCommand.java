package io.autoscalebot.cli;

import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.config.ShortList;
import io.autoscalebot.engine.notify.Durations;
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
            Optional<EngineConfig> loaded = config.load(plugins.load(), spec.commandLine().getErr());
            if (loaded.isEmpty()) {
                return Main.USAGE;
            }
            EngineConfig engineConfig = loaded.get();
            spec.commandLine().getOut().println(config.file + ": valid, " + engineConfig.groups().size()
                    + (engineConfig.groups().size() == 1 ? " group: " : " groups: ") + ShortList.join(
                            engineConfig.groups().stream().map(ValidateCommand::summary).toList(), "; "));
            spec.commandLine().getOut().flush();
            return Main.OK;
        }

        private static String summary(GroupConfig group) {
            return group.name() + " (every " + Durations.human(group.interval()) + ", measure "
                    + group.measure().component().id() + ", decide " + group.decide().component().id() + ", scale "
                    + group.scale().component().id() + ")";
        }
    }
}
