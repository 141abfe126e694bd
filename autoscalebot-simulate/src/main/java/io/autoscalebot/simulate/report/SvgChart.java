package io.autoscalebot.simulate.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line chart as inline SVG: series drawn as steps over time (a count holds until it changes), a y axis from 0 with
 * round gridlines, dates along the x axis, and an optional dashed reference line (the SLO). Needs no script or font.
 */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * One line.
     *
     * @param name the legend's text
     * @param colour a CSS colour
     * @param values one per time
     */
    record Series(String name, String colour, double[] values) {
    }

    /**
     * A horizontal line to compare the series with.
     *
     * @param name the legend's text
     * @param value where it lies on the y axis
     */
    record Reference(String name, double value) {
    }

    private final String title;
    private final long[] times;
    private final List<Series> series;
    private final Reference reference;
    private final double step;
    private final double top;

    /**
     * @param title the chart's title, with the unit of its y axis
     * @param times the x values, epoch seconds, increasing
     * @param series the lines, each with one value per time
     * @param reference a reference line, or null
     * @param limit the highest value the y axis needs to show; higher values are drawn at its top, so a few huge
     *     ones (a saturated queue's response times) do not flatten the rest
     */
    SvgChart(String title, long[] times, List<Series> series, Reference reference, double limit) {
        this.title = Objects.requireNonNull(title, "title");
        this.times = times.clone();
        this.series = List.copyOf(series);
        this.reference = reference;
        double highest = reference == null ? 0 : reference.value();
        for (Series line : series) {
            for (double value : line.values()) {
                highest = Math.max(highest, value);
            }
        }
        highest = Math.min(highest, limit);
        this.step = niceStep(highest);
        this.top = Math.max(1, Math.ceil(highest / step)) * step;
    }

    /** @return a round gridline step that fits {@code highest} within five steps; 1 for an all-zero chart */
    private static double niceStep(double highest) {
        if (!(highest > 0)) {
            return 1;
        }
        double raw = highest / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** @return the chart as an {@code <svg>} element */
    String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\""
                + " width=\"100%%\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"title\">%s</text>%n", LEFT,
                escape(title)));
        gridlines(svg);
        dates(svg);
        for (Series line : series) {
            polyline(svg, line);
        }
        if (reference != null) {
            double y = y(reference.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\""
                    + " stroke-dasharray=\"6 4\"/>%n", LEFT, WIDTH - RIGHT, y, y));
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private void gridlines(StringBuilder svg) {
        for (int line = 0; line * step <= top; line++) {
            double value = line * step;
            double y = y(value);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT,
                    WIDTH - RIGHT, y, y, LEFT - 6, y + 4, label(value)));
        }
    }

    private void dates(StringBuilder svg) {
        int labels = Math.min(5, times.length);
        for (int i = 0; i < labels; i++) {
            int index = labels == 1 ? 0 : (int) ((long) (times.length - 1) * i / (labels - 1));
            String anchor = i == 0 ? "start" : i == labels - 1 ? "end" : "middle";
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>%n",
                    x(index), HEIGHT - BOTTOM + 18, anchor, DATE.format(Instant.ofEpochSecond(times[index]))));
        }
    }

    private void polyline(StringBuilder svg, Series line) {
        svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(escape(line.colour()))
                .append("\" points=\"");
        double[] values = line.values();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                // A step: the previous value holds until this point's time.
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i), y(values[i - 1])));
            }
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i), y(values[i])));
        }
        svg.append("\"/>\n");
    }

    private void legend(StringBuilder svg) {
        int x = WIDTH - RIGHT;
        StringBuilder entries = new StringBuilder();
        for (Series line : series) {
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"%s\">&#9632; %s</tspan>  ",
                    escape(line.colour()), escape(line.name())));
        }
        if (reference != null) {
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"#c00\">- - %s</tspan>",
                    escape(reference.name())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" text-anchor=\"end\">%s</text>%n", x,
                entries));
    }

    private double x(int index) {
        double span = times.length > 1 ? times[times.length - 1] - times[0] : 1;
        return LEFT + (WIDTH - LEFT - RIGHT) * (times[index] - times[0]) / span;
    }

    private double y(double value) {
        double clipped = Math.max(0, Math.min(top, value));
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - clipped / top);
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** @return the text safe inside an HTML or SVG element or a quoted attribute */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
