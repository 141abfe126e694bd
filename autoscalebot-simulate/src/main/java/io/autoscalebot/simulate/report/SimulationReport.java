package io.autoscalebot.simulate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.engine.settings.DurationText;
import io.autoscalebot.simulate.SimulationModel;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.model.ElasticityMetrics;
import io.autoscalebot.simulate.trace.MissingSteps;
import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SimulationResult} for people (a summary table for the terminal) and for machines (JSON). The HTML page is
 * {@link SimulationHtml}'s.
 */
public final class SimulationReport {

    /** How the arrival rate is read between trace rows: stated in every report, since it shapes the demand. */
    public static final String ARRIVALS = "constant within each trace step";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimulationReport() {
    }

    /**
     * @param result a simulation
     * @return the summary: what was simulated, then one metric a row, the oracle beside where it has a value
     */
    public static String text(SimulationResult result) {
        StringBuilder text = new StringBuilder();
        for (String line : description(result)) {
            text.append(line).append(System.lineSeparator());
        }
        text.append(System.lineSeparator());
        for (Row row : rows(result)) {
            text.append(String.format(Locale.ROOT, "%-38s %12s %12s", row.name(), row.simulated(), row.oracle())
                    .stripTrailing()).append(System.lineSeparator());
        }
        for (String note : notes(result)) {
            text.append(note).append(System.lineSeparator());
        }
        return text.toString();
    }

    /**
     * One line of the summary table.
     *
     * @param name what is measured
     * @param simulated its value for the simulated policy
     * @param oracle its value for the oracle, or empty
     */
    record Row(String name, String simulated, String oracle) {

        /** @return the row as table cells */
        List<String> cells() {
            return List.of(name, simulated, oracle);
        }
    }

    /** @return the summary table, a header row first: shared by the text and the HTML page */
    static List<Row> rows(SimulationResult result) {
        ElasticityMetrics metrics = result.metrics();
        SimulationResult.Decisions decisions = result.decisions();
        return List.of(new Row("", "simulated", "oracle"),
                new Row("cost (process-hours)", number(metrics.processHours(), 1), number(oracleHours(metrics), 1)),
                new Row("cost ratio to the oracle", number(metrics.costRatio(), 2),
                        Double.isNaN(metrics.costRatio()) ? "n/a" : "1.00"),
                new Row("SLO broken (minutes)", number(metrics.sloBrokenMinutes(), 0), "0"),
                new Row("scale actions", count(decisions.scaleActions()), ""),
                new Row("under-provisioning accuracy theta_U", percent(metrics.underProvisioningAccuracy()), ""),
                new Row("over-provisioning accuracy theta_O", percent(metrics.overProvisioningAccuracy()), ""),
                new Row("under-provisioned time tau_U", percent(metrics.underProvisioningTimeshare()), ""),
                new Row("over-provisioned time tau_O", percent(metrics.overProvisioningTimeshare()), ""),
                new Row("instability k", percent(metrics.instability()), ""),
                new Row("jitter j (adaptations/hour)", number(metrics.jitterPerHour(), 2), ""),
                new Row("failed decisions", count(decisions.failed()), ""),
                new Row("ticks wanting above max / below min", count(decisions.aboveMax()) + " / " + count(decisions.belowMin()),
                        ""));
    }

    /**
     * @param policies replays of the same trace against the same model, the one the user chose first
     * @return one row a policy under a header, then the oracle's: the figures a choice rests on, with HPA's curve
     *     read at each policy's cost where the comparison has one; shared by the text and the HTML page
     */
    static List<List<String>> comparison(List<ComparedPolicy> policies) {
        HpaCurve hpa = HpaCurve.of(policies);
        List<List<String>> rows = new ArrayList<>();
        // The HPA column only where there is a curve to read it from.
        rows.add(withHpa(hpa, List.of("policy", "decided by", "fed", "process-hours", "x oracle", "SLO broken (min)"),
                "HPA at same cost (min)", List.of("scale actions", "failed decisions")));
        for (ComparedPolicy policy : policies) {
            SimulationResult result = policy.result();
            ElasticityMetrics metrics = result.metrics();
            // An HPA policy lies on the curve: reading it there would only repeat its own minutes.
            String atSameCost = policy.isHpa() ? "" : hpa.sloMinutesAt(metrics.processHours()).stream()
                    .mapToObj(minutes -> number(minutes, 0)).findFirst().orElse("outside");
            rows.add(withHpa(hpa, List.of(policy.label(), result.decidePlugin(), result.model().measured().label(),
                    number(metrics.processHours(), 1), number(metrics.costRatio(), 2),
                    number(metrics.sloBrokenMinutes(), 0)), atSameCost, List.of(count(result.decisions().scaleActions()),
                    count(result.decisions().failed()))));
        }
        ElasticityMetrics first = policies.get(0).result().metrics();
        rows.add(withHpa(hpa, List.of("oracle", "knows the future", "", number(oracleHours(first), 1),
                Double.isNaN(first.costRatio()) ? "n/a" : "1.00", "0"), "", List.of("", "")));
        return rows;
    }

    private static List<String> withHpa(HpaCurve hpa, List<String> before, String hpaCell, List<String> after) {
        List<String> row = new ArrayList<>(before);
        if (hpa.drawable()) {
            row.add(hpaCell);
        }
        row.addAll(after);
        return row;
    }

    /**
     * @param policies replays of the same trace against the same model
     * @return {@link #comparison} as aligned text for the terminal
     */
    public static String comparisonText(List<ComparedPolicy> policies) {
        List<List<String>> rows = comparison(policies);
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                // Names to the left, figures to the right, as in the HTML table.
                line.append(c < 3 ? cell + pad : pad + cell).append("  ");
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** @return the first failed decision and the plugin's warnings, if any: shared by the text and the HTML page */
    static List<String> notes(SimulationResult result) {
        List<String> notes = new ArrayList<>();
        result.decisions().firstFailure().ifPresent(failure -> notes.add("first failed decision: " + failure));
        SimulationResult.PluginWarnings warnings = result.warnings();
        if (warnings.count() > 0) {
            notes.add("the decide plugin logged " + warnings.count() + " warnings; the first:");
            warnings.first().forEach(line -> notes.add("  " + line));
        }
        return notes;
    }

    /** @return what was simulated, in a few sentences: shared by the text and the HTML page */
    static List<String> description(SimulationResult result) {
        SimulationModel model = result.model();
        Trace trace = result.trace();
        List<String> lines = new ArrayList<>();
        lines.add("Group " + result.group() + ": decided by " + result.decidePlugin() + " from the modelled "
                + model.measured().label() + quoted(model.measured().unit()) + " in place of its measure plugin "
                + result.measurePlugin() + ", every " + DurationText.format(result.interval()) + " ("
                + count(result.decisions().ticks()) + " ticks).");
        lines.add("Trace " + trace.source() + ": " + count(trace.size()) + " steps of " + DurationText.format(trace.step())
                + " from " + trace.time(0) + "; " + count(trace.missingSteps()) + " missing steps read as "
                + missing(trace) + "; arrivals "
                + ARRIVALS + ".");
        lines.add(String.format(Locale.ROOT, "Model: a %s group of processes serving %s requests/s each, booting in"
                        + " %s; load x %s; SLO: mean response time within %s.",
                model.kind().name().toLowerCase(Locale.ROOT), plain(model.capacity()), DurationText.format(model.boot()),
                plain(model.loadScale()), DurationText.format(model.slo())));
        return lines;
    }

    /** @return the assumptions in one line, under the charts that rest on them */
    static String caption(SimulationResult result) {
        SimulationModel model = result.model();
        return String.format(Locale.ROOT, "%s group, %s requests/s per process, boot %s, load x %s,"
                        + " SLO %s; trace %s, %s missing steps read as %s; a tick every %s.",
                model.kind().name().toLowerCase(Locale.ROOT), plain(model.capacity()),
                DurationText.format(model.boot()),
                plain(model.loadScale()),
                DurationText.format(model.slo()), result.trace().source(),
                number(result.trace().missingSteps(), 0), missing(result.trace()),
                DurationText.format(result.interval()));
    }

    /** @return how the trace's missing steps were read */
    static String missing(Trace trace) {
        return trace.missing() == MissingSteps.ZERO ? "zero load" : "a gap (skipped)";
    }

    /**
     * @param policies replays of the same trace against the same model
     * @return {@code {"policies": [...]}}, each policy's {@link #json(SimulationResult)} with its {@code label}
     */
    public static String json(List<ComparedPolicy> policies) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("policies");
        for (ComparedPolicy policy : policies) {
            ObjectNode node = array.addObject();
            node.put("label", policy.label());
            node.setAll(tree(policy.result()));
        }
        return write(root);
    }

    /**
     * @param result a simulation
     * @return the result as indented JSON; numbers that are undefined (a cost ratio to an oracle that cost nothing)
     *     are null
     */
    public static String json(SimulationResult result) {
        return write(tree(result));
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode tree(SimulationResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("group", result.group());
        root.put("measure_plugin", result.measurePlugin());
        root.put("decide_plugin", result.decidePlugin());
        root.put("interval_seconds", seconds(result.interval()));
        root.set("trace", trace(root.objectNode(), result.trace()));
        root.set("model", model(root.objectNode(), result.model()));
        root.set("metrics", metrics(root.objectNode(), result.metrics()));
        SimulationResult.Decisions decisions = result.decisions();
        ObjectNode decided = root.putObject("decisions");
        decided.put("ticks", decisions.ticks());
        decided.put("scale_actions", decisions.scaleActions());
        decided.put("failed", decisions.failed());
        decided.put("first_failure", decisions.firstFailure().orElse(null));
        decided.put("above_max", decisions.aboveMax());
        decided.put("below_min", decisions.belowMin());
        ObjectNode warnings = root.putObject("plugin_warnings");
        warnings.put("count", result.warnings().count());
        ArrayNode first = warnings.putArray("first");
        result.warnings().first().forEach(first::add);
        return root;
    }

    private static ObjectNode trace(ObjectNode node, Trace trace) {
        node.put("source", trace.source());
        node.put("step_seconds", seconds(trace.step()));
        node.put("steps", trace.size());
        node.put("start", trace.time(0).toString());
        node.put("missing", trace.missing().name().toLowerCase(Locale.ROOT));
        node.put("missing_steps", trace.missingSteps());
        node.put("arrivals", ARRIVALS);
        return node;
    }

    private static ObjectNode model(ObjectNode node, SimulationModel model) {
        node.put("kind", model.kind().name().toLowerCase(Locale.ROOT));
        node.put("measure", model.measured().label());
        node.put("measure_unit", model.measured().unit());
        node.put("capacity_per_second", model.capacity());
        node.put("boot_seconds", seconds(model.boot()));
        node.put("load_scale", model.loadScale());
        node.put("slo_ms", model.slo().toMillis());
        if (model.initial().isPresent()) {
            node.put("initial", model.initial().getAsInt());
        } else {
            node.putNull("initial");
        }
        return node;
    }

    private static ObjectNode metrics(ObjectNode node, ElasticityMetrics metrics) {
        number(node, "under_provisioning_accuracy_percent", metrics.underProvisioningAccuracy());
        number(node, "over_provisioning_accuracy_percent", metrics.overProvisioningAccuracy());
        number(node, "under_provisioning_timeshare_percent", metrics.underProvisioningTimeshare());
        number(node, "over_provisioning_timeshare_percent", metrics.overProvisioningTimeshare());
        number(node, "instability_percent", metrics.instability());
        number(node, "jitter_per_hour", metrics.jitterPerHour());
        number(node, "process_hours", metrics.processHours());
        number(node, "oracle_process_hours", oracleHours(metrics));
        number(node, "cost_ratio", metrics.costRatio());
        number(node, "slo_broken_minutes", metrics.sloBrokenMinutes());
        return node;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /** @return the oracle's cost, recovered from the ratio; 0 when the oracle ran nothing (the ratio is NaN) */
    static double oracleHours(ElasticityMetrics metrics) {
        return Double.isNaN(metrics.costRatio()) ? 0 : metrics.processHours() / metrics.costRatio();
    }

    static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "n/a";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(double value) {
        return number(value, 1) + " %";
    }

    /** @return {@code 2}, {@code 1.5}, {@code 0.0005}: as typed, never in exponent notation */
    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String unit) {
        return unit.isEmpty() ? "" : " (" + unit + ")";
    }

    private static double seconds(Duration duration) {
        return Trace.seconds(duration);
    }

}
