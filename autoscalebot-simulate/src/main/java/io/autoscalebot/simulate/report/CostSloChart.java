package io.autoscalebot.simulate.report;

import io.autoscalebot.engine.chart.SvgChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compared policies as points of cost (process-hours, across) and SLO-broken minutes (up, on a log scale from 0,
 * since they range from a handful to tens of thousands), HPA's curve joining its points, and the oracle at zero
 * minutes. Lower and further left is better; below HPA's curve is better than HPA at the same cost. Inline SVG.
 */
final class CostSloChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;
    private static final String HPA_COLOUR = "#1f77b4";
    private static final String POLICY_COLOUR = "#d62728";
    private static final String ORACLE_COLOUR = "#2ca02c";

    /**
     * One point.
     *
     * @param label its text
     * @param processHours its cost
     * @param sloMinutes its minutes with the SLO broken
     * @param colour a CSS colour
     */
    record Point(String label, double processHours, double sloMinutes, String colour) {
    }

    private final List<Point> points;
    private final HpaCurve hpa;
    private final double lowHours;
    private final double highHours;
    private final int decades;

    /**
     * @param policies the compared policies, each a point
     * @param oracleHours the oracle's cost, drawn at 0 minutes
     */
    CostSloChart(List<ComparedPolicy> policies, double oracleHours) {
        this.hpa = HpaCurve.of(policies);
        List<Point> all = new ArrayList<>();
        all.add(new Point("oracle", oracleHours, 0, ORACLE_COLOUR));
        for (ComparedPolicy policy : policies) {
            all.add(new Point(policy.label(), policy.result().metrics().processHours(),
                    policy.result().metrics().sloBrokenMinutes(), policy.isHpa() ? HPA_COLOUR : POLICY_COLOUR));
        }
        this.points = List.copyOf(all);
        double low = all.stream().mapToDouble(Point::processHours).min().orElse(0);
        double high = all.stream().mapToDouble(Point::processHours).max().orElse(1);
        double margin = Math.max((high - low) * 0.05, 1);
        this.lowHours = Math.max(0, low - margin);
        this.highHours = high + margin;
        double most = all.stream().mapToDouble(Point::sloMinutes).max().orElse(0);
        this.decades = Math.max(1, (int) Math.ceil(Math.log10(1 + most)));
    }

    /** @return the chart as an {@code <svg>} element */
    String svg() {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"100%%\""
                + " role=\"img\" aria-label=\"cost and SLO-broken minutes of each policy\">%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"title\">Cost against SLO-broken"
                + " minutes: lower is better; below HPA's curve beats HPA at the same cost</text>%n", LEFT));
        axes(svg);
        if (hpa.drawable()) {
            svg.append("<polyline class=\"hpa-curve\" fill=\"none\" stroke=\"").append(HPA_COLOUR)
                    .append("\" stroke-width=\"2\" points=\"");
            for (HpaCurve.Point point : hpa.points()) {
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point.processHours()), y(point.sloMinutes())));
            }
            svg.append("\"/>\n");
        }
        for (Point point : points) {
            double x = x(point.processHours());
            double y = y(point.sloMinutes());
            // Labels right of their point, or left near the right edge, so none runs off the chart.
            boolean left = x > WIDTH - RIGHT - 200;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n", x, y,
                    point.colour(), left ? x - 8 : x + 8, y - 6, left ? "end" : "start", point.colour(),
                    SvgChart.escape(point.label())));
        }
        String legend = "<tspan fill=\"" + HPA_COLOUR + "\">&#9679; HPA (target-tracking)"
                + (hpa.drawable() ? " and its curve" : "") + "</tspan>  <tspan fill=\"" + POLICY_COLOUR
                + "\">&#9679; other policies</tspan>  <tspan fill=\"" + ORACLE_COLOUR + "\">&#9679; oracle</tspan>";
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                WIDTH - RIGHT, TOP + 14, legend));
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg) {
        for (int decade = 0; decade <= decades; decade++) {
            double minutes = decade == 0 ? 0 : Math.pow(10, decade);
            double y = y(minutes);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, WIDTH - RIGHT, y, y,
                    LEFT - 6, y + 4, SvgChart.label(minutes)));
        }
        double step = SvgChart.niceStep(highHours - lowHours, true);
        for (double hours = Math.ceil(lowHours / step) * step; hours <= highHours; hours += step) {
            double x = x(hours);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, x, TOP, HEIGHT - BOTTOM,
                    x, HEIGHT - BOTTOM + 18, SvgChart.label(hours)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">cost"
                + " (process-hours)</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 10));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(16 %d) rotate(-90)\""
                + " text-anchor=\"middle\">SLO broken (minutes, log)</text>%n", (TOP + HEIGHT - BOTTOM) / 2));
    }

    private double x(double hours) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (hours - lowHours) / (highHours - lowHours);
    }

    /** Minutes on a log scale that starts at 0: log10(1 + minutes). */
    private double y(double minutes) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - Math.log10(1 + Math.max(0, minutes)) / decades);
    }
}
