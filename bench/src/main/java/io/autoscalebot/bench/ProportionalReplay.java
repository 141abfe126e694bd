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
import java.util.Map;
import java.util.OptionalInt;

/**
 * The replay the simulate benchmarks time: the NASA trace (two months of per-minute requests) against a web group
 * ticking every 30 s, decided by a target-tracking rule written here (keep the busy fraction near 60%) so that the
 * figures measure the simulator, not a bundled plugin. The group is configured and simulated through the same public
 * entry points as {@code autoscalebot simulate}: a TOML file loaded by the engine's facade, then
 * {@link Simulator#run(SimulationModel, Configuration, String, Trace, Simulator.Progress)}.
 */
final class ProportionalReplay {

    /** Where the shared traces sit for a checkout in {@code /work/main}: run the scripts from the repository root. */
    static final String NASA = "../shared/traces/nasa-1995-per-minute.csv";

    /** 10 requests/s a process, booting in 30 s, the trace x 60, 500 ms SLO, fed the busy fraction. */
    static final SimulationModel MODEL = new SimulationModel(10, Duration.ofSeconds(30), 60, Duration.ofMillis(500),
            Replay.GroupKind.WEB, MeasuredQuantity.UTILISATION, OptionalInt.empty());

    private static final String GROUP = "web";
    private static final String CONFIG = """
            [groups.web]
            interval = "30s"
            max = 100
            [groups.web.measure]
            plugin = "modelled-measure"
            [groups.web.decide]
            plugin = "proportional"
            [groups.web.scale]
            plugin = "modelled-scale"
            """;

    private final Configuration configuration;

    private ProportionalReplay(Configuration configuration) {
        this.configuration = configuration;
    }

    /** @return the group, loaded from a temporary configuration file that is deleted again */
    static ProportionalReplay load() throws IOException, ConfigurationException {
        Path folder = Files.createTempDirectory("autoscalebot-bench-");
        Path file = Files.writeString(folder.resolve("autoscale.toml"), CONFIG);
        try {
            return new ProportionalReplay(Autoscalebot.loadConfiguration(file,
                    Autoscalebot.plugins(new Proportional(0.6), new ModelledMeasure(), new ModelledScale()), Map.of()));
        } finally {
            Files.delete(file);
            Files.delete(folder);
        }
    }

    /** @return the replay of {@code trace} */
    SimulationResult replay(Trace trace) throws SimulationException {
        return Simulator.run(MODEL, configuration, GROUP, trace, Simulator.Progress.NONE);
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
