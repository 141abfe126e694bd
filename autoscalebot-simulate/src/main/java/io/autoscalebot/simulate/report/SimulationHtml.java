package io.autoscalebot.simulate.report;

import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.Timeline;
import java.util.List;

/**
 * A {@link SimulationResult} as one self-contained HTML page: the summary and two inline SVG charts (processes: demand,
 * supply and the oracle; and the measurement fed to the decide plugin, with the SLO where it is a response time). No
 * script, stylesheet, font or image is fetched, so the file can be mailed or archived as it is.
 */
public final class SimulationHtml {

    /** The most points a chart draws; longer timelines are downsampled, keeping peaks. */
    public static final int MAX_POINTS = 2000;

    /** How far above the SLO the response-time chart reaches. */
    private static final int SLO_MULTIPLES = 4;

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1000px;"
            + "color:#222}table{border-collapse:collapse}td,th{padding:2px 12px;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}tr:nth-child(even){background:#f4f4f4}"
            + "svg text{font:12px sans-serif;fill:#444}svg .title{font-weight:bold}pre{white-space:pre-wrap}";

    private SimulationHtml() {
    }

    /**
     * @param result a simulation
     * @return the page
     */
    public static String page(SimulationResult result) {
        String title = "autoscalebot simulation of group " + result.group();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(SvgChart.escape(title)).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        for (String line : SimulationReport.description(result)) {
            html.append("<p>").append(SvgChart.escape(line)).append("</p>\n");
        }
        table(html, SimulationReport.rows(result));
        List<String> notes = SimulationReport.notes(result);
        if (!notes.isEmpty()) {
            html.append("<pre>").append(SvgChart.escape(String.join("\n", notes))).append("</pre>\n");
        }
        Timeline points = result.timeline().downsample(MAX_POINTS);
        html.append(processes(points).svg()).append(measurement(result, points).svg());
        if (points.size() < result.timeline().size()) {
            html.append("<p>Each point sums up ").append(result.timeline().size() / points.size())
                    .append(" or so ticks: the process counts by their largest value, the measurement by its mean.</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, List<SimulationReport.Row> rows) {
        html.append("<table>\n");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            SimulationReport.Row row = rows.get(i);
            html.append("<tr>");
            for (String value : List.of(row.name(), row.simulated(), row.oracle())) {
                html.append('<').append(cell).append('>').append(SvgChart.escape(value)).append("</").append(cell)
                        .append('>');
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static SvgChart processes(Timeline points) {
        double[] demand = new double[points.size()];
        double[] supply = new double[points.size()];
        double[] oracle = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            demand[i] = points.demand(i);
            supply[i] = points.supply(i);
            oracle[i] = points.oracle(i);
        }
        // The oracle runs at least d(t), so it goes under the demand rather than hiding it.
        return new SvgChart("Processes", times(points), List.of(new SvgChart.Series("oracle", "#7c7", oracle),
                new SvgChart.Series("demand d(t)", "#444", demand), new SvgChart.Series("supply s(t)", "#15c", supply)),
                null, Double.POSITIVE_INFINITY);
    }

    private static SvgChart measurement(SimulationResult result, Timeline points) {
        double[] measured = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            measured[i] = points.measured(i);
        }
        MeasuredQuantity quantity = result.model().measured();
        String unit = quantity.unit().isEmpty() ? "" : " (" + quantity.unit() + ")";
        String title = "Measurement fed to " + result.decidePlugin() + ": " + quantity.label() + unit;
        SvgChart.Series series = new SvgChart.Series(quantity.label(), "#c60", measured);
        if (quantity != MeasuredQuantity.RESPONSE_TIME) {
            return new SvgChart(title, times(points), List.of(series), null, Double.POSITIVE_INFINITY);
        }
        // A saturated app reads 30 s; an axis that tall would hide the SLO line, so it stops at a few times the SLO.
        double slo = result.model().slo().toMillis();
        return new SvgChart(title + ", shown up to " + SLO_MULTIPLES + " x the SLO", times(points), List.of(series),
                new SvgChart.Reference("SLO", slo), SLO_MULTIPLES * slo);
    }

    private static long[] times(Timeline points) {
        long[] times = new long[points.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = points.time(i).getEpochSecond();
        }
        return times;
    }
}
