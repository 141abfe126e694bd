package io.autoscalebot.cli;

import io.autoscalebot.cli.logging.DeferredResetLogManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code autoscalebot} command. Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error.
 */
@Command(name = "autoscalebot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps the process counts of your app's process groups right for their load.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order the usage help lists them. Added by {@link #execute} rather than named in
     * {@code @Command}: picocli builds the model of every command it is given by reflection, which was a good part of
     * a brief command's start-up, and a command line names one subcommand (issue 11).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand.class);
        SUBCOMMANDS.put("simulate", SimulateCommand.class);
        SUBCOMMANDS.put("plugins", PluginsCommand.class);
        SUBCOMMANDS.put("config", ConfigCommand.class);
        SUBCOMMANDS.put("init", InitCommand.class);
        SUBCOMMANDS.put("completion", CompletionCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

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
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
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

    /**
     * The subcommands a command line needs: the one it names; none for a bare {@code --version}; all of them when it
     * names none or names {@code help} or {@code completion}, which show the whole command line, or when it names
     * an unknown one, so picocli's usage help and its "did you mean" see every subcommand.
     */
    static Collection<Class<?>> subcommandsFor(String[] args) {
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            if (arg.equals(PluginOptions.PLUGINS_DIR)) {
                index++;
            } else if (!arg.startsWith("-")) {
                Class<?> named = SUBCOMMANDS.get(arg);
                boolean showsAll = arg.equals("help") || arg.equals("completion");
                return named == null || showsAll ? SUBCOMMANDS.values() : List.of(named);
            }
        }
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        return versionOnly ? List.of() : SUBCOMMANDS.values();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
