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

    /**
     * The subcommands of {@code plugins}, in the order its usage help lists them, added the same way: building the
     * model of all five for {@code plugins list} was a tenth of what that command ran in Java (issue 11).
     */
    private static final Map<String, Class<?>> PLUGINS_SUBCOMMANDS = new LinkedHashMap<>();

    static {
        PLUGINS_SUBCOMMANDS.put("list", PluginsCommand.ListCommand.class);
        PLUGINS_SUBCOMMANDS.put("describe", PluginsCommand.DescribeCommand.class);
        PLUGINS_SUBCOMMANDS.put("docs", PluginsCommand.DocsCommand.class);
        PLUGINS_SUBCOMMANDS.put("install", PluginsCommand.InstallCommand.class);
        PLUGINS_SUBCOMMANDS.put("remove", PluginsCommand.RemoveCommand.class);
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
        if (versionOnly(args)) {
            // The lines picocli's --version prints (VersionProvider's, which hold no format specifiers or markup),
            // without building picocli's model of this command: parsing its annotations was about half of what a bare
            // --version ran in Java, and nothing here logs, so logging is not set up either (issue 11).
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return OK;
        }
        Logging.configure();
        CommandLine commandLine = new CommandLine(new Main());
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        CommandLine plugins = commandLine.getSubcommands().get("plugins");
        if (plugins != null) {
            for (Class<?> subcommand : pluginsSubcommandsFor(args)) {
                plugins.addSubcommand(subcommand);
            }
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
        int at = subcommandAt(args);
        if (at >= 0) {
            String arg = args[at];
            Class<?> named = SUBCOMMANDS.get(arg);
            boolean showsAll = arg.equals("help") || arg.equals("completion");
            return named == null || showsAll ? SUBCOMMANDS.values() : List.of(named);
        }
        return versionOnly(args) ? List.of() : SUBCOMMANDS.values();
    }

    /**
     * The subcommands of {@code plugins} a command line needs: the one named right after {@code plugins}; all of them
     * otherwise ({@code plugins} alone or with an option shows its usage help, an unknown name gets "did you mean",
     * and {@code help} and {@code completion} show the whole command line).
     */
    static Collection<Class<?>> pluginsSubcommandsFor(String[] args) {
        int at = subcommandAt(args);
        if (at >= 0 && at + 1 < args.length && args[at].equals("plugins")) {
            Class<?> named = PLUGINS_SUBCOMMANDS.get(args[at + 1]);
            if (named != null) {
                return List.of(named);
            }
        }
        return PLUGINS_SUBCOMMANDS.values();
    }

    /** @return the index of the first argument that is neither an option nor an option's value, or -1 */
    private static int subcommandAt(String[] args) {
        for (int index = 0; index < args.length; index++) {
            if (args[index].equals(PluginOptions.PLUGINS_DIR)) {
                index++;
            } else if (!args[index].startsWith("-")) {
                return index;
            }
        }
        return -1;
    }

    /** @return whether the command line asks for the version and nothing else */
    static boolean versionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
