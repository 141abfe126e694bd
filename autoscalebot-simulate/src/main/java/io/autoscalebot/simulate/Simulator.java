package io.autoscalebot.simulate;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.Configuration;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.loop.CallResult;
import io.autoscalebot.engine.loop.DirectCalls;
import io.autoscalebot.engine.loop.ManualClock;
import io.autoscalebot.engine.loop.PluginCaller;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.simulate.model.Demand;
import io.autoscalebot.simulate.model.ElasticityMetrics;
import io.autoscalebot.simulate.model.Oracle;
import io.autoscalebot.simulate.model.Provisioning;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Replays a workload trace against one configured group in virtual time: {@code autoscalebot simulate}. The group's
 * own decide component decides every tick, through the engine's {@link io.autoscalebot.engine.loop.TickPipeline} (the
 * one {@code run} drives) with its min and max tables, zone and interval, so what a simulation shows is what a run would do; the app is the
 * {@link SimulationModel}'s queue, and the measurement is what the group's measure plugin would have read from it.
 *
 * <p>The trace is replayed at the group's interval ({@link Trace#resampled}), arrivals constant within each trace
 * step. Single-threaded; a plugin that never returns stalls the simulation, as there is no real time to bound it by.
 */
public final class Simulator {

    /** Names to try for the plugin's state folder: each taken name is one more, so this many means foul play. */
    private static final int TEMPORARY_DIRECTORY_ATTEMPTS = 100;
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /** Told how far a replay has got, to draw a progress bar. */
    @FunctionalInterface
    public interface Progress {
        /** Reports nothing. */
        Progress NONE = (done, total) -> { };

        /**
         * @param done ticks replayed so far
         * @param total ticks in the replay
         */
        void update(int done, int total);
    }

    /** How the simulation calls the decide plugin: on this thread, in virtual time, as the tick pipeline does. */
    private static final PluginCaller CALLS = new DirectCalls();

    private final SimulationModel model;
    private final Redactor redactor;

    /**
     * @param model the app and load model
     * @param secrets the configuration's secret values ({@code EngineConfig.secrets()}), masked in every message
     */
    public Simulator(SimulationModel model, Collection<String> secrets) {
        this.model = Objects.requireNonNull(model, "model");
        this.redactor = Redactor.of(secrets);
    }

    /**
     * Replays the trace against a group of a loaded configuration, with its secrets masked: {@code autoscalebot
     * simulate}.
     *
     * @param model the app and load model
     * @param configuration the configuration, as the engine loaded it
     * @param group the name of the group to simulate
     * @param trace the workload, read as it is
     * @param progress told as ticks are replayed
     * @return what the replay showed
     * @throws IllegalArgumentException if the configuration has no such group
     * @throws SimulationException if the decide plugin cannot be created or set up
     */
    public static SimulationResult run(SimulationModel model, Configuration configuration, String group, Trace trace,
                                       Progress progress) throws SimulationException {
        EngineConfig config = configuration.engineConfig();
        GroupConfig chosen = config.groups().stream().filter(g -> g.name().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group '" + group + "' in " + config.file()));
        return new Simulator(model, config.secrets()).run(chosen, trace, progress);
    }

    /**
     * Replays the trace against the group.
     *
     * @param group the group, as configured
     * @param trace the workload, read as it is; the model's load scale is applied here
     * @param progress told as ticks are replayed
     * @return what the replay showed
     * @throws SimulationException if the decide plugin cannot be created or set up
     */
    public SimulationResult run(GroupConfig group, Trace trace, Progress progress) throws SimulationException {
        return run(group, trace, progress, notification -> { });
    }

    /**
     * Replays the trace against the group, telling {@code events} every notification the group's notify rules would
     * have sent had it run: for the tests that hold a simulation to what a run does.
     */
    SimulationResult run(GroupConfig group, Trace trace, Progress progress, Consumer<Notification> events)
            throws SimulationException {
        Trace ticks = trace.resampled(group.interval(), model.loadScale());
        Demand demand = model.demand();
        ManualClock clock = new ManualClock(ticks.time(0));
        ComponentConfig decide = group.decide();
        SimulationLog log = new SimulationLog("io.autoscalebot.plugin." + group.name() + ".decide."
                + decide.component().id(), redactor);
        Path stateDirectory = temporaryDirectory();
        try {
            // No deadline: a simulation runs in virtual time, with nothing to bound a call by.
            SimulatedTicks.StartedPlugin plugin = start(group, new InstanceContext(group.name(), clock, log,
                    stateDirectory, true, decide.component().pluginId(), decide.component().pluginVersion()));
            SimulatedTicks simulated = new SimulatedTicks(group, plugin, clock, model, ticks.size(), redactor,
                    progress, events);
            Provisioning run;
            try {
                run = new Replay(model.queue(), model.kind()).run(ticks, demand, initial(group, ticks, demand),
                        simulated);
            } finally {
                teardown(group, plugin.plugin(), log);
            }
            Provisioning oracle = Oracle.replay(ticks, demand);
            return new SimulationResult(group.name(), group.measure().component().id(), decide.component().id(),
                    model, trace, group.interval(), Timeline.of(ticks, run, oracle, simulated.measured(), model.slo()),
                    ElasticityMetrics.measure(run, oracle, model.slo()), simulated.decisions(), log.warnings());
        } finally {
            delete(stateDirectory);
        }
    }

    /** @return the model's initial count, or d(0) within the min and max in force when the trace starts */
    private int initial(GroupConfig group, Trace ticks, Demand demand) {
        if (model.initial().isPresent()) {
            return model.initial().getAsInt();
        }
        var start = ticks.time(0).atZone(group.zone());
        int wanted = demand.processesFor(ticks.ratePerSecond(0));
        return Math.max(group.min().at(start), Math.min(group.max().at(start), wanted));
    }

    /** Creates and sets up the decide plugin as a run does, but directly: there is no real time to bound it by. */
    private SimulatedTicks.StartedPlugin start(GroupConfig group, InstanceContext context)
            throws SimulationException {
        ComponentConfig decide = group.decide();
        ClassLoader loader = decide.component().loader();
        String label = "decide plugin '" + decide.component().id() + "' of group '" + group.name() + "' ("
                + decide.where() + ")";
        CallResult<Plugin> made = CALLS.call(loader, group.timeout(),
                () -> decide.component().provider().create(decide.settings(), context));
        if (!made.succeeded()) {
            throw new SimulationException("cannot create the " + label + ": " + redactor.redact(made.failure()), null);
        }
        if (!(made.value() instanceof Decide)) {
            throw new SimulationException("the " + label + " created "
                    + (made.value() == null ? "nothing (null)" : "a " + made.value().getClass().getSimpleName())
                    + ", not a Decide (plugin bug)", null);
        }
        Decide plugin = (Decide) made.value();
        CallResult<Void> setUp = CALLS.run(loader, group.timeout(), plugin::setup);
        CallResult<Integer> historySize = setUp.succeeded() ? CALLS.call(loader, group.timeout(), plugin::historySize)
                : CallResult.failed(setUp.failure());
        if (!historySize.succeeded() || historySize.value() == null) {
            teardown(group, plugin, context.logger());
            String why = historySize.succeeded() ? "it did not say its history size (null)" : historySize.failure();
            throw new SimulationException("cannot set up the " + label + ": " + redactor.redact(why), null);
        }
        return new SimulatedTicks.StartedPlugin(plugin, historySize.value(), context);
    }

    private static void teardown(GroupConfig group, Decide plugin, System.Logger log) {
        CallResult<Void> done = CALLS.run(group.decide().component().loader(), group.timeout(), plugin::teardown);
        if (!done.succeeded()) {
            log.log(Level.WARNING, "teardown failed: " + done.failure());
        }
    }

    /**
     * A new folder in the system's temporary folder that only this user may use, as {@link Files#createTempDirectory}
     * makes, whose random name comes from a {@code SecureRandom}: setting one up (the security providers) cost a
     * simulation about 35 ms of start-up (issue 11). The name needs no secret: creating a folder fails where the name
     * exists, so a name taken by someone else only costs another try.
     *
     * @throws SimulationException when the folder cannot be made: a setting of the user's (java.io.tmpdir), shown
     *     without a stack trace and saying where and why
     */
    private static Path temporaryDirectory() throws SimulationException {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        IOException problem = null;
        for (int attempt = 0; attempt < TEMPORARY_DIRECTORY_ATTEMPTS; attempt++) {
            Path directory = parent.resolve("autoscalebot-simulate-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            try {
                return posix ? Files.createDirectory(directory, OWNER_ONLY) : Files.createDirectory(directory);
            } catch (FileAlreadyExistsException e) {
                problem = e;
            } catch (IOException e) {
                problem = e;
                break;
            }
        }
        // A NoSuchFileException's or AccessDeniedException's message is only the path: say what it means.
        String why = problem instanceof NoSuchFileException ? "it does not exist"
                : problem instanceof AccessDeniedException ? "permission denied"
                : problem instanceof FileAlreadyExistsException ? TEMPORARY_DIRECTORY_ATTEMPTS + " names were taken"
                : problem.getMessage();
        throw new SimulationException("cannot create a temporary state folder for the decide plugin in " + parent
                + ": " + why + "; set java.io.tmpdir to a folder you may write to (JAVA_OPTS=-Djava.io.tmpdir=DIR)",
                problem);
    }

    /** Removes the plugin's throwaway state; what cannot be removed stays in the system's temporary folder. */
    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temporary folder is not worth failing a finished simulation for.
        }
    }
}
