package io.autoscalebot.simulate.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line chart as inline SVG: series drawn as steps over time (a count holds until it changes), a y axis from 0 with
 * round gridlines, UTC dates or hours along the x axis at round times, an optional dashed reference line (the SLO) and
 * shaded spans (where the SLO broke). Needs no script or font.
 */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final String SPAN_COLOUR = "#f4b6b6";
    /** Gridline spacings along the time axis, the first giving at most {@link #MOST_TIME_LABELS} labels wins. */
    private static final List<Duration> TIME_STEPS = List.of(Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(28), Duration.ofDays(91), Duration.ofDays(364));
    private static final int MOST_TIME_LABELS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
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

    /**
     * A stretch of the time axis to shade.
     *
     * @param from its start, epoch seconds
     * @param to its end, epoch seconds, after {@code from}
     */
    record Span(long from, long to) {
    }

    /**
     * What the chart shows along its time axis.
     *
     * @param times the x values, epoch seconds, increasing
     * @param start the left edge, epoch seconds, at or before the first time
     * @param end the right edge, epoch seconds, after the last time's tick
     * @param spans stretches to shade, with a legend entry named {@code spanName}
     * @param spanName the legend's text for the spans
     */
    record TimeAxis(long[] times, long start, long end, List<Span> spans, String spanName) {
        TimeAxis {
            times = times.clone();
            spans = List.copyOf(spans);
            Objects.requireNonNull(spanName, "spanName");
            if (end <= start) {
                throw new IllegalArgumentException("a time axis must end after it starts: " + start + " to " + end);
            }
        }
    }

    private final String title;
    private final TimeAxis axis;
    private final List<Series> series;
    private final Reference reference;
    private final double step;
    private final double top;

    /**
     * @param title the chart's title, with the unit of its y axis
     * @param axis the times of the values and what else to draw along them
     * @param series the lines, each with one value per time
     * @param reference a reference line, or null
     * @param limit the highest value the y axis needs to show; higher values are drawn at its top, so a few huge
     *     ones (a saturated queue's response times) do not flatten the rest
     */
    SvgChart(String title, TimeAxis axis, List<Series> series, Reference reference, double limit) {
        this.title = Objects.requireNonNull(title, "title");
        this.axis = Objects.requireNonNull(axis, "axis");
        this.series = List.copyOf(series);
        this.reference = reference;
        double highest = reference == null ? 0 : reference.value();
        boolean counts = reference == null || reference.value() == Math.rint(reference.value());
        for (Series line : series) {
            for (double value : line.values()) {
                highest = Math.max(highest, value);
                counts &= value == Math.rint(value);
            }
        }
        highest = Math.min(highest, limit);
        // Process counts read badly at 2.50 and 7.50: whole steps for whole values.
        this.step = counts ? Math.max(1, Math.rint(niceStep(highest, false))) : niceStep(highest, true);
        this.top = Math.max(1, Math.ceil(highest / step)) * step;
    }

    /**
     * @param highest the highest value to show
     * @param quarters whether 2.5 times a power of ten is a step too (not for counts: 2.5 processes)
     * @return a round gridline step that fits {@code highest} within five steps; 1 for an all-zero chart
     */
    static double niceStep(double highest, boolean quarters) {
        if (!(highest > 0)) {
            return 1;
        }
        double raw = highest / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : quarters ? new double[] {1, 2, 2.5, 5, 10} : new double[] {1, 2, 5, 10}) {
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
        spans(svg);
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

    private void spans(StringBuilder svg) {
        for (Span span : axis.spans()) {
            double from = x(Math.max(span.from(), axis.start()));
            double to = x(Math.min(span.to(), axis.end()));
            if (to <= from) {
                continue;
            }
            // At least one pixel wide: a one-minute break in two months is still worth seeing.
            svg.append(String.format(Locale.ROOT, "<rect class=\"slo-broken\" x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                    + " height=\"%d\" fill=\"%s\"/>%n", from, TOP, Math.max(1, to - from), HEIGHT - TOP - BOTTOM,
                    SPAN_COLOUR));
        }
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

    /** Labels at round UTC times (hours within a day or two, dates beyond), each with a faint vertical line. */
    private void dates(StringBuilder svg) {
        long span = axis.end() - axis.start();
        Duration every = TIME_STEPS.stream().filter(d -> span / d.toSeconds() <= MOST_TIME_LABELS).findFirst()
                .orElse(TIME_STEPS.get(TIME_STEPS.size() - 1));
        long seconds = every.toSeconds();
        DateTimeFormatter format = seconds < Duration.ofDays(1).toSeconds() ? HOUR : DAY;
        for (long time = Math.floorDiv(axis.start() + seconds - 1, seconds) * seconds; time <= axis.end();
             time += seconds) {
            double x = x(time);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, x, TOP, HEIGHT - BOTTOM,
                    x, HEIGHT - BOTTOM + 18, format.format(Instant.ofEpochSecond(time))));
        }
    }

    private void polyline(StringBuilder svg, Series line) {
        svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(escape(line.colour()))
                .append("\" points=\"");
        double[] values = line.values();
        long[] times = axis.times();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                // A step: the previous value holds until this point's time.
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(times[i]), y(values[i - 1])));
            }
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(times[i]), y(values[i])));
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
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"#c00\">- - %s</tspan>  ",
                    escape(reference.name())));
        }
        if (!axis.spans().isEmpty()) {
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"#d66\">&#9632; %s</tspan>",
                    escape(axis.spanName())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" text-anchor=\"end\">%s</text>%n", x,
                entries));
    }

    private double x(long epochSecond) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) (epochSecond - axis.start()) / (axis.end() - axis.start());
    }

    private double y(double value) {
        double clipped = Math.max(0, Math.min(top, value));
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - clipped / top);
    }

    static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** @return the text safe inside an HTML or SVG element or a quoted attribute */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
