package io.autoscalebot.cli;

import io.autoscalebot.cli.logging.DeferredResetLogManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code autoscalebot} command. Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error.
 */
@Command(name = "autoscalebot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps the process counts of your app's process groups right for their load.",
        subcommands = {RunCommand.class, SimulateCommand.class, PluginsCommand.class, ConfigCommand.class,
                InitCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Success. */
    static final int OK = 0;
    /** A failure at run time: a plugin or service the user's setup depends on failed. */
    static final int FAILURE = 1;
    /** A usage or configuration error the user can fix. */
    static final int USAGE = 2;

    private static final String LOG_MANAGER = "java.util.logging.manager";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Also accepted before the subcommand ({@code autoscalebot --plugins-dir X plugins list}); see PluginOptions. */
    @CommandLine.Option(names = PluginOptions.PLUGINS_DIR, paramLabel = "DIR",
            description = "Also load plugins from DIR (repeatable), for every subcommand.")
    List<Path> pluginsDirs = new ArrayList<>();

    public static void main(String[] args) {
        // Before anything logs, so java.util.logging picks it; the launcher also sets it, and a user's choice wins.
        if (System.getProperty(LOG_MANAGER) == null) {
            System.setProperty(LOG_MANAGER, DeferredResetLogManager.class.getName());
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams.
     *
     * @return the exit code
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Logging.configure();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> FAILURE);
        // A bug of ours still deserves a readable line, not a trace: the trace goes to the log at FINE level.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("autoscalebot: internal error: " + e);
            System.getLogger("autoscalebot").log(System.Logger.Level.DEBUG, "internal error", e);
            return FAILURE;
        });
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("autoscalebot: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
