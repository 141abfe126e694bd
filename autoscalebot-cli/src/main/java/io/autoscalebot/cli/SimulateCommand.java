package io.autoscalebot.cli;

import io.autoscalebot.engine.Configuration;
import io.autoscalebot.engine.Plugins;
import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulationException;
import io.autoscalebot.simulate.SimulationModel;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.Simulator;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.report.ComparedPolicy;
import io.autoscalebot.simulate.report.SimulationHtml;
import io.autoscalebot.simulate.report.SimulationReport;
import io.autoscalebot.simulate.trace.MissingSteps;
import io.autoscalebot.simulate.trace.Trace;
import io.autoscalebot.simulate.trace.TraceException;
import io.autoscalebot.simulate.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code autoscalebot simulate}: replays a request trace against one configured group, deciding with the group's own
 * decide plugin through the engine's decision step, and reports how well the supply followed the demand. The work is
 * the engine's {@link Simulator}; this class reads options and prints.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay a request trace against a group's configuration in virtual time: its decide plugin,"
                + " min and max tables and interval decide as in 'run', against an app modelled as a queue served"
                + " by N processes (M/M/c for web groups, a growing backlog for worker groups).",
            "Reports the SPEC Research Group's elasticity metrics against the demand d(t) (the fewest processes"
                + " meeting the SLO), the cost in process-hours and as a ratio to an oracle that knows the future,"
                + " the minutes the SLO was broken and the number of scale actions."},
        footer = {"", "The trace is a CSV of 'timestamp,count' rows (a header line is allowed), one row per step;"
                + " the arrival rate is taken as constant within a step and sampled at the group's interval.",
            "Exit codes: 0 done, 1 the decide plugin failed to start or the report could not be written,"
                + " 2 a usage, configuration, model or trace error."})
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Mixin
    PluginOptions plugins;
    @Option(names = "--group", required = true, paramLabel = "NAME", description = "The group to simulate.")
    String group;
    @Option(names = "--trace", required = true, paramLabel = "FILE", description = "The request trace (CSV).")
    Path trace;
    @Option(names = "--missing", paramLabel = "zero|gap", converter = MissingConverter.class,
            description = "Steps the trace has no row for: zero (no arrivals; time stays continuous) or gap (skipped,"
                    + " as if the outage never happened). Default: zero.")
    MissingSteps missing = TraceReader.DEFAULT_MISSING_STEPS;
    @Option(names = "--trace-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "The time zone of the trace's timestamps (default: ${DEFAULT-VALUE}).")
    ZoneId traceZone;
    @Option(names = "--capacity", paramLabel = "REQUESTS_PER_SECOND",
            description = "Requests per second one process serves; its service time is 1/capacity. Default: "
                    + "10 (100 ms a request).")
    double capacity = SimulationModel.DEFAULT_CAPACITY;
    @Option(names = "--boot", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a started process takes before it serves. Default: 30s (a Heroku dyno).")
    Duration boot = SimulationModel.DEFAULT_BOOT;
    @Option(names = "--scale", paramLabel = "FACTOR",
            description = "Multiply every trace count by FACTOR, to fit a public trace to your app. Default: 1.")
    double loadScale = SimulationModel.DEFAULT_LOAD_SCALE;
    @Option(names = "--slo", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The mean response time to keep within; d(t) is the fewest processes that do."
                    + " Default: 500ms.")
    Duration slo = SimulationModel.DEFAULT_SLO;
    @Option(names = "--kind", paramLabel = "web|worker", converter = KindConverter.class,
            description = "web: requests wait in an M/M/c queue; worker: tasks pile up in a backlog. Default: worker"
                    + " when the group's measure plugin reads a queue (celery-redis), else web.")
    Replay.GroupKind kind;
    @Option(names = "--measure", paramLabel = "response-time|queue|utilisation|pod-utilisation", converter = MeasureConverter.class,
            description = "What the decide plugin is fed at each tick. Default: from the group's measure plugin:"
                    + " response-time and heroku-service-time a response time (ms), celery-redis the queue length,"
                    + " any other the busy fraction of the serving processes (0.7 is 70%%, not capped at 1);"
                    + " pod-utilisation averages over every running process, booting ones 0%% busy, as Kubernetes's"
                    + " HPA does.")
    MeasuredQuantity measure;
    @Option(names = "--initial", paramLabel = "COUNT",
            description = "Processes running when the trace starts. Default: those the first step needs, within the"
                    + " group's min and max.")
    Integer initial;
    @Option(names = "--compare", paramLabel = "FILE",
            description = "Another configuration to replay against the same trace and model, its group named as in"
                    + " --group (or its only group); repeat for more. The summary, JSON and report then compare"
                    + " every policy, and two or more target-tracking ones draw HPA's cost/SLO curve.")
    List<Path> compare = new ArrayList<>();
    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a self-contained HTML page: the assumptions, the policies compared, and charts"
                    + " of demand, supply and the measurement with the SLO-broken spans shaded, for the whole trace"
                    + " and for the day that broke the SLO longest.")
    Path report;
    @Option(names = "--json", description = "Print JSON for machines instead of the summary table.")
    boolean json;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> configurations = new ArrayList<>(List.of(config.file));
        configurations.addAll(compare);
        Plugins loadedPlugins = plugins.loadFor(configurations);
        Optional<Configuration> loaded = config.load(loadedPlugins, err);
        if (loaded.isEmpty()) {
            return Main.USAGE;
        }
        List<Configuration> others = new ArrayList<>();
        for (Path other : compare) {
            Optional<Configuration> read = ConfigOptions.load(other, loadedPlugins, err);
            if (read.isEmpty()) {
                return Main.USAGE;
            }
            others.add(read.get());
        }
        return simulate(loaded.get(), others, out, err);
    }

    /** {@link #simulate(Configuration, List, PrintWriter, PrintWriter)} without configurations to compare. */
    int simulate(Configuration configuration, PrintWriter out, PrintWriter err) {
        return simulate(configuration, List.of(), out, err);
    }

    /**
     * Everything after the configuration is read: separate so it can be tested with plugins given in code, since
     * plugin jars load only on the module path.
     *
     * @param configuration the configuration of {@code --config}
     * @param others the configurations of {@code --compare}, in order
     * @return the exit code
     */
    int simulate(Configuration configuration, List<Configuration> others, PrintWriter out, PrintWriter err) {
        Optional<Configuration.Group> chosen = configuration.group(group);
        if (chosen.isEmpty()) {
            return usage(err, "no group '" + group + "' in " + configuration.file() + "; its groups: "
                    + configuration.groupNames()
                    + "; choose one with --group");
        }
        List<Policy> policies = new ArrayList<>(List.of(new Policy(configuration, chosen.get())));
        for (Configuration other : others) {
            Optional<Configuration.Group> same = other.group(group)
                    .or(() -> other.groups().size() == 1 ? Optional.of(other.groups().get(0)) : Optional.empty());
            if (same.isEmpty()) {
                return usage(err, "no group '" + group + "' in " + other.file() + " (given with --compare); its"
                        + " groups: " + other.groupNames() + "; name the group to compare '" + group
                        + "' there, or keep one group in that file");
            }
            policies.add(new Policy(other, same.get()));
        }
        SimulationModel model;
        try {
            model = model(chosen.get());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage() + "; see --capacity, --boot, --scale, --slo and --initial");
        }
        Trace workload;
        try {
            workload = new TraceReader(missing, traceZone).read(trace);
        } catch (TraceException e) {
            return usage(err, e.getMessage());
        }
        List<ComparedPolicy> results = new ArrayList<>();
        for (Policy policy : policies) {
            // The same trace and model for every policy; only what its decider is fed follows its own measure
            // plugin, unless --measure says otherwise.
            SimulationModel own = new SimulationModel(model.capacity(), model.boot(), model.loadScale(), model.slo(),
                    model.kind(), measure != null ? measure : SimulationModel.defaults(policy.group().measure())
                    .measured(), model.initial());
            try (ProgressBar progress = ProgressBar.forConsole(err, "simulating " + policy.label(policies))) {
                results.add(new ComparedPolicy(policy.label(policies),
                        Simulator.run(own, policy.configuration(), policy.group().name(), workload, progress)));
            } catch (IllegalArgumentException e) {
                // The trace cannot be replayed at this group's interval (far too many ticks).
                return usage(err, e.getMessage());
            } catch (SimulationException e) {
                err.println("autoscalebot: " + e.getMessage());
                err.flush();
                return Main.FAILURE;
            }
        }
        SimulationResult result = results.get(0).result();
        if (results.size() == 1) {
            out.print(json ? SimulationReport.json(result) : SimulationReport.text(result));
        } else if (json) {
            out.print(SimulationReport.json(results));
        } else {
            out.print(SimulationReport.text(result));
            out.println();
            out.print(SimulationReport.comparisonText(results));
        }
        out.flush();
        return report == null ? Main.OK : writeReport(results, err);
    }

    /** A configuration to simulate and its group. */
    private record Policy(Configuration configuration, Configuration.Group group) {

        /** @return its file's name, or its path where another policy's file has the same name */
        String label(List<Policy> all) {
            Path name = configuration.file().getFileName();
            long same = all.stream().filter(p -> p.configuration().file().getFileName().equals(name)).count();
            return (same > 1 ? configuration.file() : name).toString();
        }
    }

    private SimulationModel model(Configuration.Group chosen) {
        SimulationModel defaults = SimulationModel.defaults(chosen.measure());
        return new SimulationModel(capacity, boot, loadScale, slo, kind != null ? kind : defaults.kind(),
                measure != null ? measure : defaults.measured(),
                initial == null ? OptionalInt.empty() : OptionalInt.of(initial));
    }

    private int writeReport(List<ComparedPolicy> results, PrintWriter err) {
        try {
            Files.writeString(report, SimulationHtml.page(results), StandardCharsets.UTF_8);
            return Main.OK;
        } catch (IOException e) {
            err.println("autoscalebot: cannot write the report " + report + ": " + e.getMessage()
                    + "; choose a writable path with --report");
            err.flush();
            return Main.FAILURE;
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("autoscalebot: " + message);
        err.flush();
        return Main.USAGE;
    }

    /** Reads an option value as an enum constant's name, lower case with hyphens ({@code response-time}). */
    private abstract static class LabelConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
        private final Class<E> type;

        LabelConverter(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E constant : type.getEnumConstants()) {
                if (label(constant).equalsIgnoreCase(value.trim())) {
                    return constant;
                }
            }
            throw new CommandLine.TypeConversionException("expected one of " + java.util.Arrays
                    .stream(type.getEnumConstants()).map(LabelConverter::label).collect(Collectors.joining(", "))
                    + ", got '" + value + "'");
        }

        private static String label(Enum<?> constant) {
            return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code zero|gap}. */
    static final class MissingConverter extends LabelConverter<MissingSteps> {
        MissingConverter() {
            super(MissingSteps.class);
        }
    }

    /** {@code web|worker}. */
    static final class KindConverter extends LabelConverter<Replay.GroupKind> {
        KindConverter() {
            super(Replay.GroupKind.class);
        }
    }

    /** {@code response-time|queue|utilisation|pod-utilisation}. */
    static final class MeasureConverter extends LabelConverter<MeasuredQuantity> {
        MeasureConverter() {
            super(MeasuredQuantity.class);
        }
    }
}
