package io.autoscalebot.cli;

import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.Configuration;
import io.autoscalebot.engine.ConfigurationException;
import io.autoscalebot.engine.Plugins;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The work of {@code plugins list} and {@code config validate}, started on a second thread while picocli builds its
 * model and parses the command line on the first (issue 11): loading the plugins (and, for {@code config validate},
 * reading the configuration) needs nothing picocli does, and picocli's part was about a third of either command.
 *
 * <p>Started only for a command line of one of a few exact shapes ({@link #startFor}), whose meaning picocli's parse
 * cannot change; picocli still parses every command line, and the command uses this work only when what it parsed
 * (the plugin folders, the file) is what the work was started with. Anything else runs as before, on the command's
 * own thread. What the work logs goes through the logging already set up, and nothing else it does is seen before
 * the command asks for its result.
 */
final class EarlyStart {

    /** What the command line asks for; the directories are those searched without {@code --plugins-dir}. */
    private record Key(String command, List<Path> directories, Path configuration) {
    }

    /** The work started for the command running on this thread, if any (tests run several commands in one JVM). */
    private static final ThreadLocal<EarlyStart> STARTED = new ThreadLocal<>();

    private final Key key;
    private final FutureTask<Object> work;

    private EarlyStart(Key key, FutureTask<Object> work) {
        this.key = key;
        this.work = work;
    }

    /**
     * Starts the work of {@code plugins list [--json]} or {@code config validate [--config FILE | -c FILE |
     * --config=FILE]}, for the command that then runs on this thread; any other command line starts nothing.
     */
    static void startFor(String[] args) {
        Key key = keyFor(args);
        if (key == null) {
            return;
        }
        FutureTask<Object> work = new FutureTask<>(key.command().equals("list")
                ? () -> Autoscalebot.loadPlugins(key.directories())
                : () -> validate(key.directories(), key.configuration()));
        Thread thread = new Thread(work, "autoscalebot-early-start");
        // A command that ends another way (picocli refused a value) must not wait for it.
        thread.setDaemon(true);
        thread.start();
        STARTED.set(new EarlyStart(key, work));
    }

    /** Forgets the work started for this thread's command, once the command has ended. */
    static void forget() {
        STARTED.remove();
    }

    /** @return the plugins found in the directories, when the work started for this command loaded exactly those */
    static Optional<Plugins> plugins(List<Path> directories) {
        return result(new Key("list", directories, null)).map(Plugins.class::cast);
    }

    /**
     * @return the outcome of reading the file with the plugins it needs from the directories, when the work started
     *     for this command did exactly that
     */
    static Optional<Validation> validation(List<Path> directories, Path configuration) {
        return result(new Key("validate", directories, configuration)).map(Validation.class::cast);
    }

    /** The configuration read, or the errors it has, as {@link Autoscalebot#loadConfiguration} gives them. */
    record Validation(Configuration configuration, ConfigurationException errors) {
    }

    /** What {@code config validate} does with the file (its own thread loads the plugins with warnings, if any). */
    private static Validation validate(List<Path> directories, Path configuration) {
        return validate(configuration, Autoscalebot.loadPluginsFor(directories, List.of(configuration)));
    }

    /** Reads the file with these plugins, keeping the errors it has as the outcome rather than throwing them. */
    static Validation validate(Path configuration, Plugins plugins) {
        try {
            return new Validation(Autoscalebot.loadConfiguration(configuration, plugins, System.getenv()), null);
        } catch (ConfigurationException e) {
            return new Validation(null, e);
        }
    }

    private static Optional<Object> result(Key wanted) {
        EarlyStart started = STARTED.get();
        if (started == null || !started.key.equals(wanted)) {
            return Optional.empty();
        }
        STARTED.remove();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return Optional.of(started.work.get());
                } catch (InterruptedException e) {
                    // The work goes on either way; the command waits for it as it would have done it itself.
                    interrupted = true;
                } catch (ExecutionException e) {
                    // What the command would have thrown doing the work itself, so its message is the same.
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return whether {@link #startFor} starts work for this command line */
    static boolean startsFor(String[] args) {
        return keyFor(args) != null;
    }

    /** @return what an exactly recognised command line asks for, or null */
    private static Key keyFor(String[] args) {
        for (String arg : args) {
            // picocli reads an @FILE argument as the arguments in that file.
            if (arg.startsWith("@")) {
                return null;
            }
        }
        if (args.length >= 2 && args[0].equals("plugins") && args[1].equals("list")
                && (args.length == 2 || args.length == 3 && args[2].equals("--json"))) {
            return new Key("list", PluginOptions.defaultDirectories(), null);
        }
        if (args.length < 2 || !args[0].equals("config") || !args[1].equals("validate")) {
            return null;
        }
        String file;
        if (args.length == 2) {
            file = ConfigOptions.DEFAULT_FILE;
        } else if (args.length == 3 && args[2].startsWith("--config=")) {
            file = args[2].substring("--config=".length());
        } else if (args.length == 4 && (args[2].equals("--config") || args[2].equals("-c"))) {
            file = args[3];
        } else {
            return null;
        }
        if (file.isEmpty() || file.startsWith("-")) {
            return null;
        }
        try {
            return new Key("validate", PluginOptions.defaultDirectories(), Path.of(file));
        } catch (java.nio.file.InvalidPathException e) {
            // picocli says what is wrong with it.
            return null;
        }
    }
}
