package io.autoscalebot.bench;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.Configuration;
import io.autoscalebot.engine.ConfigurationException;
import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulationException;
import io.autoscalebot.simulate.SimulationModel;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.Simulator;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;

/**
 * The replays the simulate benchmarks time, each configured and simulated through the same public entry points as
 * {@code autoscalebot simulate}: a TOML file loaded by the engine's facade, then
 * {@link Simulator#run(SimulationModel, Configuration, String, Trace, Simulator.Progress)}.
 *
 * <ul>
 *   <li>{@code predictive} and {@code target-tracking}: issue 11's goal, the bundled plugins themselves (found on the
 *       class path by their service files, as the distribution's layers find them) with the settings of
 *       {@code bench/policies/predictive.toml} and {@code hpa-0.7.toml}, ticking every minute, with the model of
 *       {@code bench/decision-quality.sh}: 5 requests/s a process, 60 s boot, the trace x 15, 500 ms SLO, fed the
 *       busy fraction. The NASA trace is then 89,280 ticks.</li>
 *   <li>{@code proportional}: a target-tracking rule written here (keep the busy fraction near 60%) that keeps nothing
 *       per tick, so that its figure measures the simulator alone; every 30 s with 10 requests/s a process, 30 s
 *       boot and the trace x 60 (178,560 ticks), as the earlier rounds of docs/benchmarks.md measured it.</li>
 * </ul>
 */
final class BenchReplay {

    /** Where the shared traces sit for a checkout in {@code /work/main}: run the scripts from the repository root. */
    static final String NASA = "../shared/traces/nasa-1995-per-minute.csv";

    /** The decide plugins the benchmarks can replay, by plugin id. */
    static final String PREDICTIVE = "predictive";
    static final String TARGET_TRACKING = "target-tracking";
    static final String PROPORTIONAL = "proportional";

    /** The model of bench/decision-quality.sh for NASA, as the goal's command line gives it. */
    private static final SimulationModel POLICY_MODEL = new SimulationModel(5, Duration.ofSeconds(60), 15,
            Duration.ofMillis(500), Replay.GroupKind.WEB, MeasuredQuantity.UTILISATION, OptionalInt.empty());

    /** 10 requests/s a process, booting in 30 s, the trace x 60, 500 ms SLO, fed the busy fraction. */
    private static final SimulationModel PROPORTIONAL_MODEL = new SimulationModel(10, Duration.ofSeconds(30), 60,
            Duration.ofMillis(500), Replay.GroupKind.WEB, MeasuredQuantity.UTILISATION, OptionalInt.empty());

    private static final String GROUP = "web";
    /** The group of bench/policies/*.toml. */
    private static final String POLICY_GROUP = "interval = \"1m\"\nmin = 1";
    private static final String CONFIG = """
            [groups.web]
            %s
            max = 100
            [groups.web.measure]
            plugin = "modelled-measure"
            [groups.web.scale]
            plugin = "modelled-scale"
            [groups.web.decide]
            plugin = "%s"
            %s
            """;

    private final SimulationModel model;
    private final Configuration configuration;

    private BenchReplay(SimulationModel model, Configuration configuration) {
        this.model = model;
        this.configuration = configuration;
    }

    /** @return the proportional replay */
    static BenchReplay load() throws IOException, ConfigurationException {
        return load(PROPORTIONAL);
    }

    /**
     * @param decide {@link #PREDICTIVE}, {@link #TARGET_TRACKING} or {@link #PROPORTIONAL}
     * @return the replay deciding with that plugin, loaded from a temporary configuration file that is deleted again
     */
    static BenchReplay load(String decide) throws IOException, ConfigurationException {
        return switch (decide) {
            case PREDICTIVE -> load(POLICY_MODEL, POLICY_GROUP, decide, "", bundled(decide));
            case TARGET_TRACKING -> load(POLICY_MODEL, POLICY_GROUP, decide, "target = 0.7", bundled(decide));
            case PROPORTIONAL -> load(PROPORTIONAL_MODEL, "interval = \"30s\"", decide, "", new Proportional(0.6));
            default -> throw new IllegalArgumentException("no bench replay for decide plugin '" + decide + "'; one of "
                    + List.of(PREDICTIVE, TARGET_TRACKING, PROPORTIONAL));
        };
    }

    private static BenchReplay load(SimulationModel model, String group, String decide, String settings,
                                    DecideProvider provider) throws IOException, ConfigurationException {
        Path folder = Files.createTempDirectory("autoscalebot-bench-");
        Path file = Files.writeString(folder.resolve("autoscale.toml"),
                CONFIG.formatted(group, decide, settings));
        try {
            return new BenchReplay(model, Autoscalebot.loadConfiguration(file,
                    Autoscalebot.plugins(provider, new ModelledMeasure(), new ModelledScale()), Map.of()));
        } finally {
            Files.delete(file);
            Files.delete(folder);
        }
    }

    /** @return the bundled decide plugin {@code id}, found as the engine finds plugins: by its service file */
    private static DecideProvider bundled(String id) {
        return ServiceLoader.load(DecideProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no decide plugin '" + id + "' on the class path"));
    }

    /** @return the replay of {@code trace} */
    SimulationResult replay(Trace trace) throws SimulationException {
        return Simulator.run(model, configuration, GROUP, trace, Simulator.Progress.NONE);
    }

    /**
     * Keeps the busy fraction near {@code target} as target tracking does: {@code ceil(current x measured / target)},
     * at least one. Keeps nothing per tick, so the figures are the simulator's.
     */
    private record Proportional(double target) implements DecideProvider {
        @Override
        public String id() {
            return "proportional";
        }

        @Override
        public String description() {
            return "keeps the busy fraction near " + target;
        }

        @Override
        public Decide create(Settings settings, PluginContext context) {
            return decision -> {
                double busy = decision.latest().map(Measurement::value).orElse(target);
                int wanted = Math.max(1, (int) Math.ceil(Math.max(1, decision.current()) * busy / target));
                return wanted == decision.current() ? Decision.hold("on target")
                        : Decision.scaleTo(wanted, "busy " + busy);
            };
        }
    }

    /** The measure component the group names: a simulation reads the model instead and never creates it. */
    private static final class ModelledMeasure implements MeasureProvider {
        @Override
        public String id() {
            return "modelled-measure";
        }

        @Override
        public String description() {
            return "read off the queueing model in a simulation";
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("a simulation measures the model, never this plugin");
        }
    }

    /** The scale component the group names: a simulation scales the model instead and never creates it. */
    private static final class ModelledScale implements ScaleProvider {
        @Override
        public String id() {
            return "modelled-scale";
        }

        @Override
        public String description() {
            return "the fleet model in a simulation";
        }

        @Override
        public Scale create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("a simulation scales the model, never this plugin");
        }
    }
}
