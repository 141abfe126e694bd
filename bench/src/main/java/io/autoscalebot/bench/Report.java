package io.autoscalebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulationModel;
import io.autoscalebot.simulate.model.ElasticityMetrics;
import io.autoscalebot.simulate.model.Oracle;
import io.autoscalebot.simulate.model.Provisioning;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.MissingSteps;
import io.autoscalebot.simulate.trace.Trace;
import io.autoscalebot.simulate.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Turns the {@code simulate --json} results of bench/decision-quality.sh into docs/benchmarks.md and one SVG chart per
 * trace. Built with the bench module and run by the script on its class path (Jackson to read the JSON, the
 * simulator's model to replay the oracle, whose SPEC metrics the simulate report does not print):
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' io.autoscalebot.bench.Report RESULTS POLICIES DOCS COMMAND
 *     POLICY...</pre>
 *
 * RESULTS holds one folder per trace with {@code trace.path} and {@code POLICY.json} per policy.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORACLE = "oracle";
    private static final String RECOMMENDED = "predictive";
    private static final String HPA_PREFIX = "hpa-";

    /** One policy's results on one trace; NaN where a value is undefined. */
    record Row(String id, String name, double processHours, double costRatio, double sloMinutes, double thetaU,
               double thetaO, double tauU, double tauO, double instability, double jitter, long actions) {

        boolean isHpa() {
            return id.startsWith(HPA_PREFIX);
        }
    }

    /** The model every policy of a trace was replayed with, as the simulate report states it. */
    record Model(double capacity, double bootSeconds, double loadScale, long sloMillis, double intervalSeconds,
                 String missing, long ticks) {
    }

    /** What the trace asked of the group: its own step, and the scaled arrival rate per tick. */
    record Load(Duration step, double meanRate, double peakRate) {
    }

    /** One trace's results. */
    record TraceResult(String name, Model model, Load load, List<Row> rows) {

        Row row(String id) {
            return rows.stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: java -cp 'bench/target/classes:bench/target/lib/*' io.autoscalebot.bench.Report"
                    + " RESULTS POLICIES DOCS COMMAND POLICY...");
            System.exit(2);
        }
        Path results = Path.of(args[0]);
        Path policies = Path.of(args[1]);
        Path docs = Path.of(args[2]);
        String command = args[3];
        List<String> ids = Arrays.asList(args).subList(4, args.length);
        List<TraceResult> traces = new ArrayList<>();
        try (Stream<Path> folders = Files.list(results)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                traces.add(read(folder, policies, ids));
            }
        }
        Files.createDirectories(docs);
        StringBuilder markdown = new StringBuilder(Document.header(command, traces, ids, policies));
        for (TraceResult trace : traces) {
            String chart = "benchmarks-" + trace.name() + ".svg";
            Files.writeString(docs.resolve(chart), Chart.svg(trace));
            markdown.append(Document.section(trace, chart));
        }
        markdown.append(Document.footer());
        Path target = docs.resolve("benchmarks.md");
        // bench/engine-scale.sh's figures are written by hand from its output: keep that section when regenerating.
        String previous = Files.exists(target) ? Files.readString(target) : "";
        int engineScale = previous.indexOf("\n## Engine scale");
        if (engineScale >= 0) {
            markdown.append(previous.substring(engineScale));
        }
        Files.writeString(target, markdown);
    }

    private static TraceResult read(Path folder, Path policies, List<String> ids) throws IOException {
        Path csv = Path.of(Files.readString(folder.resolve("trace.path")).strip());
        List<Row> rows = new ArrayList<>();
        Model model = null;
        for (String id : ids) {
            JsonNode result = JSON.readTree(folder.resolve(id + ".json").toFile());
            model = model == null ? model(result) : model;
            rows.add(row(id, name(policies.resolve(id + ".toml")), result));
        }
        Trace raw;
        try {
            raw = new TraceReader(MissingSteps.valueOf(model.missing().toUpperCase(Locale.ROOT)), ZoneOffset.UTC)
                    .read(csv);
        } catch (Exception e) {
            throw new IOException("cannot read the trace " + csv + ": " + e.getMessage(), e);
        }
        Trace ticks = raw.resampled(millis(model.intervalSeconds()), model.loadScale());
        double[] rates = IntStream.range(0, ticks.size()).mapToDouble(ticks::ratePerSecond).toArray();
        Load load = new Load(raw.step(), Arrays.stream(rates).average().orElse(0),
                Arrays.stream(rates).max().orElse(0));
        rows.add(oracle(ticks, model, rows.get(0)));
        return new TraceResult(folder.getFileName().toString(), model, load, rows);
    }

    private static String name(Path policy) throws IOException {
        try (Stream<String> lines = Files.lines(policy)) {
            return lines.filter(line -> line.startsWith("# bench-name: ")).findFirst()
                    .map(line -> line.substring("# bench-name: ".length()))
                    .orElse(policy.getFileName().toString());
        }
    }

    private static Model model(JsonNode result) {
        JsonNode model = result.path("model");
        return new Model(model.path("capacity_per_second").asDouble(), model.path("boot_seconds").asDouble(),
                model.path("load_scale").asDouble(), model.path("slo_ms").asLong(),
                result.path("interval_seconds").asDouble(), result.path("trace").path("missing").asText("zero"),
                result.path("decisions").path("ticks").asLong());
    }

    private static Row row(String id, String name, JsonNode result) {
        JsonNode m = result.path("metrics");
        return new Row(id, name, number(m, "process_hours"), number(m, "cost_ratio"), number(m, "slo_broken_minutes"),
                number(m, "under_provisioning_accuracy_percent"), number(m, "over_provisioning_accuracy_percent"),
                number(m, "under_provisioning_timeshare_percent"), number(m, "over_provisioning_timeshare_percent"),
                number(m, "instability_percent"), number(m, "jitter_per_hour"),
                result.path("decisions").path("scale_actions").asLong());
    }

    private static double number(JsonNode metrics, String name) {
        JsonNode value = metrics.path(name);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    /**
     * The oracle's row, replayed here with the engine's own {@link Oracle} on the same resampled trace and model, and
     * checked against the oracle cost the simulate report gave.
     */
    private static Row oracle(Trace ticks, Model model, Row anyPolicy) {
        SimulationModel simulation = new SimulationModel(model.capacity(), millis(model.bootSeconds()),
                model.loadScale(), Duration.ofMillis(model.sloMillis()), Replay.GroupKind.WEB,
                MeasuredQuantity.UTILISATION, OptionalInt.empty());
        Provisioning oracle = Oracle.replay(ticks, simulation.demand());
        ElasticityMetrics m = ElasticityMetrics.measure(oracle, oracle, simulation.slo());
        double reported = anyPolicy.processHours() / anyPolicy.costRatio();
        if (Math.abs(m.processHours() - reported) > 0.001 * reported) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the oracle replayed here costs %.1f"
                    + " process-hours but simulate reported %.1f: the model was not read back right",
                    m.processHours(), reported));
        }
        return new Row(ORACLE, "oracle (knows the future)", m.processHours(), 1, m.sloBrokenMinutes(),
                m.underProvisioningAccuracy(), m.overProvisioningAccuracy(), m.underProvisioningTimeshare(),
                m.overProvisioningTimeshare(), m.instability(), m.jitterPerHour(), m.scaleActions());
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** HPA's cost/SLO curve: its targets' points joined by straight lines, cheapest first. */
    static final class HpaCurve {
        private final List<Row> points;

        HpaCurve(List<Row> rows) {
            this.points = rows.stream().filter(Row::isHpa).sorted(Comparator.comparingDouble(Row::processHours))
                    .collect(Collectors.toList());
        }

        /** @return HPA's SLO-broken minutes at these process-hours, empty outside the curve's range */
        Optional<Double> sloMinutesAt(double processHours) {
            for (int i = 1; i < points.size(); i++) {
                Row cheaper = points.get(i - 1);
                Row dearer = points.get(i);
                if (processHours >= cheaper.processHours() && processHours <= dearer.processHours()) {
                    double share = (processHours - cheaper.processHours())
                            / (dearer.processHours() - cheaper.processHours());
                    return Optional.of(cheaper.sloMinutes() + share * (dearer.sloMinutes() - cheaper.sloMinutes()));
                }
            }
            return Optional.empty();
        }

        List<Row> points() {
            return points;
        }
    }

    /** The Markdown text. */
    static final class Document {

        private Document() {
        }

        static String header(String command, List<TraceResult> traces, List<String> ids, Path policies) {
            StringBuilder text = new StringBuilder();
            text.append("# Decision-quality benchmark\n\n")
                    .append("How well each decide policy provisions a web group replaying real traffic: what it costs")
                    .append(" (process-hours), how long it breaks the response-time SLO, and the SPEC Research Group's")
                    .append(" elasticity metrics, next to an oracle that knows the future. Generated by")
                    .append(" `bench/decision-quality.sh` with `autoscalebot simulate`; every number below comes from")
                    .append(" that run. Reproduce it from the repository root with:\n\n```sh\n").append(command)
                    .append("\n```\n\n(`TRACES=/folder` reads the traces from elsewhere than")
                    .append(" `../shared/traces/`.)\n\n").append(summary(traces));
            Model model = traces.isEmpty() ? null : traces.get(0).model();
            text.append("## The model\n\n");
            if (model != null) {
                text.append(String.format(Locale.ROOT, "Every policy of a trace is replayed with the same model: a web"
                                + " group whose processes each serve %s requests/s (M/M/c response times), boot in"
                                + " %s s, and are decided on every %s s (min 1, max 100). The SLO is a mean response"
                                + " time of at most %d ms; a minute breaks it when its mean is longer. The demand"
                                + " d(t) is the fewest processes meeting the SLO at each tick's arrival rate; the"
                                + " oracle runs exactly that, starting each process one boot time before it is"
                                + " needed, and is billed that boot time exactly (not rounded up to whole ticks).%n%n",
                        trimmed(model.capacity()), trimmed(model.bootSeconds()), trimmed(model.intervalSeconds()),
                        model.sloMillis()));
            }
            text.append("| trace | step | load scale | mean load | busiest tick | ticks | oracle process-hours |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (TraceResult trace : traces) {
                text.append(String.format(Locale.ROOT, "| %s | %s | x %s | %s | %s | %,d | %,.1f |%n",
                        trace.name(), step(trace.load().step()), trimmed(trace.model().loadScale()),
                        fixed(trace.load().meanRate(), 1) + " req/s", fixed(trace.load().peakRate(), 1) + " req/s",
                        trace.model().ticks(), trace.row(ORACLE).processHours()));
            }
            text.append("\nWhy these scales: NASA's server saw about 40 requests a minute, which one process")
                    .append(" serves idle; x 15 makes it a mean of 10 requests/s and a busiest minute of about 100, so")
                    .append(" 2 to 22 processes are needed. Wikipedia's 2020 project views are about 6,300 a second;")
                    .append(" x 0.008 makes the mean 51 requests/s and the busiest hour 94, so 9 to 21 processes.")
                    .append(" The Wikipedia trace has one row an hour: the simulation holds each hour's rate constant")
                    .append(" over its sixty 1-minute ticks, so its load moves in hourly steps, while the group still")
                    .append(" decides every minute and boots in 60 s as a real web app would. NASA's missing minutes")
                    .append(" (one outage, 1995-08-01 to 08-03) are read as zero load. The synthetic-* traces come")
                    .append(" from the generator (`SyntheticTrace`, seed 2026, described under \"Synthetic traces\"")
                    .append(" below) at a mean of 10 requests/s, so they are replayed unscaled, except the -x15 ones")
                    .append(" (synthetic-sparse-x15 and synthetic-bursty-x15), generated at NASA's 40 requests a")
                    .append(" minute and replayed x 15 as NASA is.\n\n");
            text.append("## The policies\n\n")
                    .append("Each is a configuration file in [`bench/policies/`](../bench/policies/):\n\n");
            for (String id : ids) {
                text.append("- `").append(id).append(".toml`: ").append(traces.isEmpty() ? id
                        : traces.get(0).row(id).name()).append('\n');
            }
            text.append("- oracle: the simulation's yardstick, replayed with the engine's `Oracle`\n\n")
                    .append("Threshold policies are fed the simulated response time (ms). HPA's are fed what Kubernetes")
                    .append(" averages: arrivals over the capacity of every running process, those still booting")
                    .append(" counted 0% busy (`pod-utilisation`). Predictive is fed the busy fraction of the serving")
                    .append(" processes (`utilisation`). Neither is capped at 1: an overloaded group reads 1.8 when 80%")
                    .append(" more arrives than it serves.\n\n")
                    .append("Columns: cost in process-hours and as a multiple of the oracle's; minutes in which the")
                    .append(" SLO broke; theta_U/theta_O, the mean share of the demand missing/in surplus (%);")
                    .append(" tau_U/tau_O, the share of time under-/over-provisioned (%); instability, the share of")
                    .append(" steps in which supply and demand moved differently (%); jitter, supply changes minus")
                    .append(" demand changes per hour; scale actions; and, for every policy, what HPA's curve (its")
                    .append(" targets 0.4 to 0.9 joined by straight lines) breaks at the same cost.\n\n");
            return text.toString();
        }

        /** One line per trace: the recommended policy, HPA's curve at its cost, the oracle, the ablation. */
        static String summary(List<TraceResult> traces) {
            StringBuilder text = new StringBuilder("## Results in brief\n\n");
            for (TraceResult trace : traces) {
                Row recommended = trace.row(RECOMMENDED);
                String hpa = new HpaCurve(trace.rows()).sloMinutesAt(recommended.processHours())
                        .map(minutes -> "HPA's curve breaks it " + fixed(minutes, 0) + " minutes at the same cost")
                        .orElse("its cost is outside HPA's curve");
                text.append(String.format(Locale.ROOT, "- %s: the recommended default breaks the SLO %s minutes for"
                                + " %s process-hours (%s x the oracle); %s.%n", trace.name(),
                        fixed(recommended.sloMinutes(), 0), fixed(recommended.processHours(), 1),
                        fixed(recommended.costRatio(), 2), hpa));
            }
            return text.append("\nThe ablation rows (the same decider with its forecast, its headroom, its reactive")
                    .append(" floor or its smoothed level off) separate what each part earns.\n\n").toString();
        }

        static String section(TraceResult trace, String chart) {
            HpaCurve hpa = new HpaCurve(trace.rows());
            StringBuilder text = new StringBuilder("## ").append(trace.name()).append("\n\n")
                    .append("| policy | process-hours | cost vs oracle | SLO-broken min | theta_U % | theta_O % |")
                    .append(" tau_U % | tau_O % | instability % | jitter /h | scale actions |")
                    .append(" HPA at same cost, SLO min |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row row : trace.rows()) {
                String policy = row.id().equals(RECOMMENDED) ? "**" + row.name() + "**" : row.name();
                String atSameCost = row.isHpa() || row.id().equals(ORACLE) ? ""
                        : hpa.sloMinutesAt(row.processHours()).map(m -> fixed(m, 0)).orElse("outside");
                text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %,d"
                                + " | %s |%n", policy, fixed(row.processHours(), 1), fixed(row.costRatio(), 2),
                        fixed(row.sloMinutes(), 0),
                        fixed(row.thetaU(), 1), fixed(row.thetaO(), 1), fixed(row.tauU(), 1), fixed(row.tauO(), 1),
                        fixed(row.instability(), 1), fixed(row.jitter(), 2), row.actions(), atSameCost));
            }
            text.append("\n![Process-hours against SLO-broken minutes on ").append(trace.name()).append("](")
                    .append(chart).append(")\n\n").append(verdict(trace, hpa)).append("\n");
            return text.toString();
        }

        /** The recommended policy against the goal: below HPA's curve, at most half its SLO-broken minutes. */
        private static String verdict(TraceResult trace, HpaCurve hpa) {
            Row recommended = trace.row(RECOMMENDED);
            Optional<Double> hpaMinutes = hpa.sloMinutesAt(recommended.processHours());
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Recommended default: %s process-hours"
                            + " (%s x the oracle), SLO broken %s minutes. ", fixed(recommended.processHours(), 1),
                    fixed(recommended.costRatio(), 2), fixed(recommended.sloMinutes(), 0)));
            if (hpaMinutes.isEmpty()) {
                text.append("Its cost lies outside HPA's curve (")
                        .append(fixed(hpa.points().get(0).processHours(), 1)).append(" to ")
                        .append(fixed(hpa.points().get(hpa.points().size() - 1).processHours(), 1))
                        .append(" process-hours), so the two are not compared at equal cost. ");
            } else {
                double half = hpaMinutes.get() / 2;
                boolean met = recommended.sloMinutes() <= half;
                text.append(String.format(Locale.ROOT, "HPA's curve at that cost breaks it %s minutes, so the goal"
                                + " (at most half, %s) is **%s**%s. ", fixed(hpaMinutes.get(), 0), fixed(half, 0),
                        met ? "met" : "not met", recommended.sloMinutes() < hpaMinutes.get()
                                ? " and the policy lies below HPA's curve" : ", and the policy does not lie below"
                                + " HPA's curve"));
            }
            for (Row ablation : trace.rows()) {
                if (!ablation.id().startsWith(RECOMMENDED + "-") || !ablation.id().endsWith("-off")) {
                    continue;
                }
                String part = ablation.id().substring(RECOMMENDED.length() + 1, ablation.id().length() - 4);
                text.append(String.format(Locale.ROOT, "With its %s off the same decider costs %s process-hours and"
                                + " breaks the SLO %s minutes, so the %s changes the cost by %+.1f%% and the"
                                + " SLO-broken minutes by %+,.0f. ", part, fixed(ablation.processHours(), 1),
                        fixed(ablation.sloMinutes(), 0), part,
                        100 * (recommended.processHours() / ablation.processHours() - 1),
                        recommended.sloMinutes() - ablation.sloMinutes()));
            }
            return text.append('\n').toString();
        }

        static String footer() {
            return "## Caveats\n\n"
                    + "- The app is a model (M/M/c queues, exponential service, arrivals constant within each trace"
                    + " step), not a measurement of a real service; policies are compared under the same model.\n"
                    + "- SLO-broken minutes count minutes whose mean response time exceeded the SLO; the oracle never"
                    + " breaks it by construction.\n"
                    + "- The recommended default was chosen by comparing candidates on the synthetic-* traces only"
                    + " (docs/benchmarks.md, issue 11); the public traces (NASA, Wikipedia) are its out-of-sample"
                    + " test.\n"
                    + "- Where every reasonable policy breaks the SLO only a handful of minutes a year, \"at most half"
                    + " of HPA's\" is decided by single minutes: read it together with the cost column.\n";
        }
    }

    /** The cost/SLO scatter chart of one trace, as SVG. */
    static final class Chart {
        private static final int WIDTH = 760;
        private static final int HEIGHT = 460;
        private static final int LEFT = 80;
        private static final int RIGHT = 30;
        private static final int TOP = 40;
        private static final int BOTTOM = 60;

        private Chart() {
        }

        /**
         * Process-hours on x (linear), SLO-broken minutes on y (log(1 + m), so 0 and 100,000 both fit); HPA's points
         * joined as its curve, the recommended policy highlighted.
         */
        static String svg(TraceResult trace) {
            List<Row> rows = trace.rows();
            double minX = rows.stream().mapToDouble(Row::processHours).min().orElse(0);
            double maxX = rows.stream().mapToDouble(Row::processHours).max().orElse(1);
            double pad = Math.max((maxX - minX) * 0.05, 1);
            double x0 = minX - pad;
            double x1 = maxX + pad;
            double maxY = Math.max(1, rows.stream().mapToDouble(Row::sloMinutes).max().orElse(1));
            int decades = (int) Math.ceil(Math.log10(1 + maxY));
            StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                            + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH,
                    HEIGHT));
            svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s: cost against"
                            + " SLO-broken minutes (lower left is better)</text>%n", LEFT, escape(trace.name())));
            axes(svg, x0, x1, decades);
            List<Row> hpa = new HpaCurve(rows).points();
            StringBuilder line = new StringBuilder();
            for (Row row : hpa) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(row.processHours(), x0, x1),
                        y(row.sloMinutes(), decades)));
            }
            svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                    .append(line.toString().strip()).append("\"/>\n");
            List<double[]> labels = new ArrayList<>();
            for (Row row : rows) {
                point(svg, row, x(row.processHours(), x0, x1), y(row.sloMinutes(), decades), labels);
            }
            return svg.append("</svg>\n").toString();
        }

        private static void axes(StringBuilder svg, double x0, double x1, int decades) {
            int bottom = HEIGHT - BOTTOM;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    LEFT, bottom, WIDTH - RIGHT, bottom));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                    LEFT, TOP, LEFT, bottom));
            double tick = niceStep((x1 - x0) / 5);
            for (double value = Math.ceil(x0 / tick) * tick; value <= x1; value += tick) {
                double x = x(value, x0, x1);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                        + " stroke=\"#ddd\"/>%n<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP, x,
                        bottom, x, bottom + 18, fixed(value, 0)));
            }
            for (int decade = 0; decade <= decades; decade++) {
                double minutes = decade == 0 ? 0 : Math.pow(10, decade);
                double y = y(minutes, decades);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                        + " stroke=\"#ddd\"/>%n<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y,
                        WIDTH - RIGHT, y, LEFT - 6, y + 4, fixed(minutes, 0)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">process-hours"
                    + "</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 18));
            svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %d) rotate(-90)\""
                    + " text-anchor=\"middle\">SLO-broken minutes (log scale)</text>%n", (TOP + bottom) / 2));
        }

        private static void point(StringBuilder svg, Row row, double x, double y, List<double[]> labels) {
            String colour = row.isHpa() ? "#1f77b4" : row.id().equals(RECOMMENDED) ? "#d62728"
                    : row.id().equals(ORACLE) ? "#2ca02c" : "#7f7f7f";
            int radius = row.id().equals(RECOMMENDED) ? 7 : 5;
            String label = row.isHpa() ? "HPA " + row.id().substring(HPA_PREFIX.length()) : row.id();
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"/>%n", x, y,
                    radius, colour));
            boolean leftOfPoint = x > WIDTH * 0.6;
            double width = label.length() * 7.0;
            double left = leftOfPoint ? x - 9 - width : x + 9;
            double baseline = y - 6;
            // Points that (nearly) coincide would print their labels on top of each other: move down a line instead.
            for (int tries = 0; tries < 10 && overlaps(labels, left, baseline, width); tries++) {
                baseline += 14;
            }
            labels.add(new double[] {left, baseline, width});
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>%n", left,
                    baseline, colour, escape(label)));
        }

        private static boolean overlaps(List<double[]> labels, double left, double baseline, double width) {
            for (double[] placed : labels) {
                if (Math.abs(placed[1] - baseline) < 13 && left < placed[0] + placed[2] && placed[0] < left + width) {
                    return true;
                }
            }
            return false;
        }

        /** @return 1, 2 or 5 times a power of ten, near {@code rough} */
        private static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double mantissa = rough / power;
            return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
        }

        private static double x(double processHours, double x0, double x1) {
            return LEFT + (processHours - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
        }

        private static double y(double minutes, int decades) {
            double share = Math.log10(1 + Math.max(0, minutes)) / Math.max(1, decades);
            return HEIGHT - BOTTOM - share * (HEIGHT - BOTTOM - TOP);
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "n/a";
    }

    private static String step(Duration step) {
        return step.toHours() >= 1 ? step.toHours() + " h" : step.toMinutes() + " min";
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
