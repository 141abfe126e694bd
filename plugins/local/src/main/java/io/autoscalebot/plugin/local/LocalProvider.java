package io.autoscalebot.plugin.local;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code local} scale: runs the group as N copies of a command on this machine, each with its own {@code PORT} and
 * {@code INDEX} environment variables.
 */
public final class LocalProvider implements ScaleProvider {

    static final Setting COMMAND = Setting.of("command", SettingType.STRING_LIST).asRequired()
            .doc("The program and its arguments, like [\"python3\", \"app.py\"], or [\"sh\", \"-c\", \"...\"] for a "
                    + "shell line. Each copy gets PORT (base_port + INDEX) and INDEX (0, 1, ...) in its environment.");
    static final Setting BASE_PORT = Setting.of("base_port", SettingType.INTEGER).defaultValue(8700).atLeast(1)
            .atMost(65_535)
            .doc("The PORT of copy 0; copy N gets base_port + N. A copy whose PORT another process already holds is "
                    + "not started: that scale fails and names the port.");
    static final Setting WORKING_DIRECTORY = Setting.of("working_directory", SettingType.STRING)
            .doc("The directory copies run in; autoscalebot's own working directory when not set.");
    static final Setting GRACE = Setting.of("grace", SettingType.DURATION).defaultValue(Duration.ofSeconds(10))
            .doc("How long a copy may take to exit after SIGTERM before it gets SIGKILL. Its child processes get the "
                    + "same signals, and any still running when the copy has exited are killed.");
    static final Setting OUTPUT = Setting.of("output", SettingType.STRING).defaultValue(Output.FILE.label())
            .choices(Output.FILE.label(), Output.INHERIT.label())
            .doc("Where each copy's stdout and stderr go. \"file\": appended to copy-INDEX.log in the plugin's state "
                    + "directory. \"inherit\": mixed into autoscalebot's own output.");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public LocalProvider() {
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public String description() {
        return "Runs the group as copies of a command on this machine, each with its own PORT.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(COMMAND, BASE_PORT, WORKING_DIRECTORY, GRACE, OUTPUT);
    }

    /**
     * @return an empty command, or a working directory that is not one: both would fail every start of a copy, so
     *     they are configuration errors rather than failed ticks
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        List<String> command = settings.stringList(COMMAND.name());
        if (command.isEmpty() || command.get(0).isBlank()) {
            problems.add(new SettingProblem(COMMAND.name(), "command is empty; give the program and its arguments,"
                    + " like [\"python3\", \"app.py\"]"));
        }
        Optional<String> directory = settings.optionalString(WORKING_DIRECTORY.name());
        if (directory.isPresent() && !isDirectory(directory.get())) {
            problems.add(new SettingProblem(WORKING_DIRECTORY.name(), "working_directory " + directory.get()
                    + " is not a directory; create it or fix the path"));
        }
        return problems;
    }

    @Override
    public Scale create(Settings settings, PluginContext context) throws PluginException {
        List<String> command = settings.stringList(COMMAND.name());
        Optional<Path> workingDirectory = settings.optionalString(WORKING_DIRECTORY.name()).map(Path::of);
        Output output = Output.of(settings.string(OUTPUT.name()));
        // The state directory is created when there is something to write in it (CopyRecords, Launcher), so a dry
        // run, or a group that never scales, leaves nothing on disk.
        Launcher launcher = new Launcher(command, workingDirectory, settings.integer(BASE_PORT.name()), output,
                context.stateDirectory());
        return new LocalScale(launcher, new Stopper(settings.duration(GRACE.name()), context.logger()),
                new CopyRecords(context.stateDirectory()), context.logger());
    }

    private static boolean isDirectory(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
