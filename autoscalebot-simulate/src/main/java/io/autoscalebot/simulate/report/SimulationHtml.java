package io.autoscalebot.simulate.report;

import io.autoscalebot.engine.chart.SvgChart;
import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.Timeline;
import java.util.List;
import java.util.Optional;

/**
 * One or more {@link SimulationResult}s of the same trace and model as one self-contained HTML page: the assumptions
 * the figures rest on; when several policies are compared, a table of them and a cost/SLO chart against HPA's curve;
 * then for each policy its summary, two inline SVG charts of the whole replay (processes: demand, supply and the
 * oracle; and the measurement fed to the decide plugin, with the SLO where it is a response time) with the spans where
 * the SLO broke shaded, and the same two charts for the day it broke the SLO longest. No script, stylesheet, font or
 * image is fetched, so the file can be mailed or archived as it is.
 */
public final class SimulationHtml {

    /** The most points a chart draws; longer timelines are downsampled, keeping peaks. */
    public static final int MAX_POINTS = 2000;

    /** How far above the SLO the response-time chart reaches. */
    private static final int SLO_MULTIPLES = 4;

    private static final String SPANS = "SLO broken";

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1100px;"
            + "padding:0 1em;color:#222}table{border-collapse:collapse;margin:0.5em 0}"
            + "td,th{padding:2px 12px;text-align:right}td:first-child,th:first-child{text-align:left}"
            + "tr:nth-child(even){background:#f4f4f4}th{border-bottom:1px solid #999}"
            + "svg text{font:12px sans-serif;fill:#444}svg .title{font-weight:bold}pre{white-space:pre-wrap}"
            + ".assumptions{background:#fffbe6;border:1px solid #e6d68a;padding:0.4em 1em;margin:1em 0}"
            + ".assumptions p{margin:0.3em 0}.caption{color:#555;font-size:12px;margin:0 0 1.5em 70px}"
            + "section.policy{border-top:2px solid #ccc;margin-top:2em}h2{margin-bottom:0.3em}"
            + "table.compare td{white-space:nowrap}"
            + ".compare td:nth-child(-n+3),.compare th:nth-child(-n+3){text-align:left}"
            + "h3.worst-day{margin-bottom:0}h3+p.sub{margin-top:0.2em;color:#555}";

    private SimulationHtml() {
    }

    /**
     * @param result a simulation
     * @return the page
     */
    public static String page(SimulationResult result) {
        return page(List.of(new ComparedPolicy(result.decidePlugin(), result)));
    }

    /**
     * @param policies replays of the same trace against the same model, the one the user chose first; at least one
     * @return the page comparing them
     */
    public static String page(List<ComparedPolicy> policies) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one simulation");
        }
        SimulationResult first = policies.get(0).result();
        String title = "autoscalebot simulation of group " + first.group()
                + (policies.size() > 1 ? ": " + policies.size() + " policies compared" : "");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(SvgChart.escape(title)).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        assumptions(html, first, policies.size());
        if (policies.size() > 1) {
            html.append("<h2>Policies compared</h2>\n");
            table(html, "compare", SimulationReport.comparison(policies));
            html.append(new CostSloChart(policies, SimulationReport.oracleHours(first.metrics())).svg());
            html.append("<p class=\"caption\">").append(SvgChart.escape(hpaNote(policies))).append("</p>\n");
        }
        for (ComparedPolicy policy : policies) {
            policy(html, policy, policies.size() > 1);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void assumptions(StringBuilder html, SimulationResult result, int policies) {
        html.append("<div class=\"assumptions\"><p><b>Assumptions").append(policies > 1 ? ", the same for every policy"
                : "").append(":</b></p>\n");
        List<String> lines = SimulationReport.description(result);
        for (String line : lines.subList(1, lines.size())) {
            html.append("<p>").append(SvgChart.escape(line)).append("</p>\n");
        }
        html.append("<p>Times and days are UTC. Shaded spans: ticks whose mean response time broke the SLO.</p>\n")
                .append("</div>\n");
    }

    private static String hpaNote(List<ComparedPolicy> policies) {
        HpaCurve hpa = HpaCurve.of(policies);
        if (hpa.drawable()) {
            return "HPA's curve joins the " + hpa.points().size() + " policies decided by " + HpaCurve.PLUGIN
                    + " (Kubernetes HPA's algorithm) at their targets; the table reads it at each policy's cost.";
        }
        return "No HPA curve: compare two or more configurations decided by " + HpaCurve.PLUGIN + " at different"
                + " targets (e.g. bench/policies/hpa-0.5.toml to hpa-0.9.toml) to draw one.";
    }

    private static void policy(StringBuilder html, ComparedPolicy policy, boolean compared) {
        SimulationResult result = policy.result();
        html.append("<section class=\"policy\">\n");
        if (compared) {
            html.append("<h2>").append(SvgChart.escape(policy.label())).append("</h2>\n");
        }
        html.append("<p>").append(SvgChart.escape(SimulationReport.description(result).get(0))).append("</p>\n");
        table(html, "metrics", SimulationReport.rows(result).stream().map(SimulationReport.Row::cells).toList());
        List<String> notes = SimulationReport.notes(result);
        if (!notes.isEmpty()) {
            html.append("<pre>").append(SvgChart.escape(String.join("\n", notes))).append("</pre>\n");
        }
        Timeline timeline = result.timeline();
        List<SvgChart.Span> spans = SloBreaks.spans(timeline, result.interval());
        Timeline points = timeline.downsample(MAX_POINTS);
        long start = timeline.time(0).getEpochSecond();
        long end = timeline.time(timeline.size() - 1).getEpochSecond() + result.interval().toSeconds();
        html.append(processes(points, axis(points, start, end, spans)).svg())
                .append(measurement(result, points, axis(points, start, end, spans)).svg());
        html.append("<p class=\"caption\">").append(SvgChart.escape(SimulationReport.caption(result)));
        if (points.size() < timeline.size()) {
            html.append(" Each point sums up ").append(timeline.size() / points.size())
                    .append(" or so ticks: the process counts by their largest value, the measurement by its mean.");
        }
        html.append("</p>\n");
        worstDay(html, result, spans);
        html.append("</section>\n");
    }

    /** The day that broke the SLO longest, charted alone at full resolution: the whole replay is too long to read. */
    private static void worstDay(StringBuilder html, SimulationResult result, List<SvgChart.Span> spans) {
        Optional<SloBreaks.WorstDay> worst = SloBreaks.worstDay(result.timeline(), result.interval());
        if (worst.isEmpty()) {
            html.append("<p>The SLO held throughout: no day to zoom into.</p>\n");
            return;
        }
        SloBreaks.WorstDay day = worst.get();
        html.append("<h3 class=\"worst-day\">Worst day: ").append(day.day()).append(", SLO broken ")
                .append(SimulationReport.number(day.minutes(), 0)).append(" minutes</h3>\n<p class=\"sub\">")
                .append("The UTC day with the most SLO-broken minutes, of ")
                .append(SimulationReport.number(result.metrics().sloBrokenMinutes(), 0))
                .append(" in the whole replay, charted tick by tick.</p>\n");
        Timeline ticks = within(result.timeline(), day.start(), day.end()).downsample(MAX_POINTS);
        html.append(processes(ticks, axis(ticks, day.start(), day.end(), spans)).svg())
                .append(measurement(result, ticks, axis(ticks, day.start(), day.end(), spans)).svg());
        html.append("<p class=\"caption\">").append(SvgChart.escape(SimulationReport.caption(result))).append("</p>\n");
    }

    /** @return the ticks from {@code start} (inclusive) to {@code end} (exclusive); the timeline has one there */
    private static Timeline within(Timeline timeline, long start, long end) {
        int from = 0;
        while (timeline.time(from).getEpochSecond() < start) {
            from++;
        }
        int to = from;
        while (to < timeline.size() && timeline.time(to).getEpochSecond() < end) {
            to++;
        }
        int size = to - from;
        long[] times = new long[size];
        int[] demand = new int[size];
        int[] supply = new int[size];
        int[] oracle = new int[size];
        double[] measured = new double[size];
        boolean[] broken = new boolean[size];
        for (int i = 0; i < size; i++) {
            times[i] = timeline.time(from + i).getEpochSecond();
            demand[i] = timeline.demand(from + i);
            supply[i] = timeline.supply(from + i);
            oracle[i] = timeline.oracle(from + i);
            measured[i] = timeline.measured(from + i);
            broken[i] = timeline.sloBroken(from + i);
        }
        return new Timeline(times, demand, supply, oracle, measured, broken);
    }

    private static void table(StringBuilder html, String kind, List<List<String>> rows) {
        html.append("<table class=\"").append(kind).append("\">\n");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            html.append("<tr>");
            for (String value : rows.get(i)) {
                html.append('<').append(cell).append('>').append(SvgChart.escape(value)).append("</").append(cell)
                        .append('>');
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static SvgChart.TimeAxis axis(Timeline points, long start, long end, List<SvgChart.Span> spans) {
        long[] times = new long[points.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = points.time(i).getEpochSecond();
        }
        return new SvgChart.TimeAxis(times, start, end, spans, SPANS);
    }

    private static SvgChart processes(Timeline points, SvgChart.TimeAxis axis) {
        double[] demand = new double[points.size()];
        double[] supply = new double[points.size()];
        double[] oracle = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            demand[i] = points.demand(i);
            supply[i] = points.supply(i);
            oracle[i] = points.oracle(i);
        }
        // The oracle runs at least d(t), so it goes under the demand rather than hiding it.
        return new SvgChart("Processes", axis, List.of(new SvgChart.Series("oracle", "#7c7", oracle),
                new SvgChart.Series("demand d(t)", "#444", demand), new SvgChart.Series("supply s(t)", "#15c", supply)),
                null, Double.POSITIVE_INFINITY);
    }

    private static SvgChart measurement(SimulationResult result, Timeline points, SvgChart.TimeAxis axis) {
        double[] measured = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            measured[i] = points.measured(i);
        }
        MeasuredQuantity quantity = result.model().measured();
        String unit = quantity.unit().isEmpty() ? "" : " (" + quantity.unit() + ")";
        String title = "Measurement fed to " + result.decidePlugin() + ": " + quantity.label() + unit;
        SvgChart.Series series = new SvgChart.Series(quantity.label(), "#c60", measured);
        if (quantity != MeasuredQuantity.RESPONSE_TIME) {
            return new SvgChart(title, axis, List.of(series), null, Double.POSITIVE_INFINITY);
        }
        // A saturated app reads 30 s; an axis that tall would hide the SLO line, so it stops at a few times the SLO.
        double slo = result.model().slo().toMillis();
        return new SvgChart(title + ", shown up to " + SLO_MULTIPLES + " x the SLO", axis, List.of(series),
                new SvgChart.Reference("SLO", slo), SLO_MULTIPLES * slo);
    }
}
