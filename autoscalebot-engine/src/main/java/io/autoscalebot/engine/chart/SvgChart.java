package io.autoscalebot.engine.chart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line chart as inline SVG: series drawn as steps over time (a count holds until it changes; a NaN value leaves a
 * gap), a y axis from 0 with round gridlines, UTC dates or hours along the x axis at round times, dashed reference
 * lines (an SLO, a decide plugin's thresholds), a shaded band between two step lines (a group's min and max), shaded
 * spans (where the SLO broke) and markers at moments (scales). Needs no script or font. Every text is escaped.
 *
 * <p>Shared by the simulate report and the status server's dashboard, so both draw the same way.
 */
public final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final String SPAN_COLOUR = "#f4b6b6";
    private static final String BAND_COLOUR = "#dfe9f7";
    private static final String MARKER_COLOUR = "#7a3db8";
    /** Reference lines' colours, in order; more lines than colours reuse them. */
    private static final List<String> REFERENCE_COLOURS = List.of("#c00", "#2a2", "#c80", "#888");
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
    public record Series(String name, String colour, double[] values) {
        /** Checks and copies. */
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(colour, "colour");
            values = values.clone();
        }

        /** @return a copy of the values */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /**
     * A horizontal line to compare the series with.
     *
     * @param name the legend's text
     * @param value where it lies on the y axis
     */
    public record Reference(String name, double value) {
        /** Checks the name. */
        public Reference {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A shaded band between two step lines, one value of each per time; NaN leaves a gap.
     *
     * @param name the legend's text
     * @param low its lower edge
     * @param high its upper edge
     */
    public record Band(String name, double[] low, double[] high) {
        /** Checks and copies. */
        public Band {
            Objects.requireNonNull(name, "name");
            low = low.clone();
            high = high.clone();
            if (low.length != high.length) {
                throw new IllegalArgumentException("a band needs as many low as high values: " + low.length + " and "
                        + high.length);
            }
        }
    }

    /**
     * A moment to mark with a vertical line, and a tooltip.
     *
     * @param time epoch seconds
     * @param label the tooltip's text
     */
    public record Marker(long time, String label) {
        /** Checks the label. */
        public Marker {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A stretch of the time axis to shade.
     *
     * @param from its start, epoch seconds
     * @param to its end, epoch seconds, after {@code from}
     */
    public record Span(long from, long to) {
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
    public record TimeAxis(long[] times, long start, long end, List<Span> spans, String spanName) {
        /** Checks and copies. */
        public TimeAxis {
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
    private final List<Reference> references;
    private final Band band;
    private final List<Marker> markers;
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
    public SvgChart(String title, TimeAxis axis, List<Series> series, Reference reference, double limit) {
        this(title, axis, series, reference == null ? List.of() : List.of(reference), null, List.of(), limit);
    }

    /**
     * @param title the chart's title, with the unit of its y axis
     * @param axis the times of the values and what else to draw along them
     * @param series the lines, each with one value per time
     * @param references horizontal lines to compare with, drawn dashed, each in its own colour
     * @param band a band to shade under the lines, or null
     * @param markers moments to mark
     * @param limit the highest value the y axis needs to show; higher values are drawn at its top
     */
    public SvgChart(String title, TimeAxis axis, List<Series> series, List<Reference> references, Band band,
                    List<Marker> markers, double limit) {
        this.title = Objects.requireNonNull(title, "title");
        this.axis = Objects.requireNonNull(axis, "axis");
        this.series = List.copyOf(series);
        this.references = List.copyOf(references);
        this.band = band;
        this.markers = List.copyOf(markers);
        double highest = 0;
        boolean counts = true;
        for (Reference reference : this.references) {
            highest = Math.max(highest, reference.value());
            counts &= reference.value() == Math.rint(reference.value());
        }
        List<double[]> all = new ArrayList<>();
        series.forEach(line -> all.add(line.values));
        if (band != null) {
            all.add(band.low);
            all.add(band.high);
        }
        for (double[] values : all) {
            for (double value : values) {
                if (Double.isNaN(value)) {
                    continue;
                }
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
    public static double niceStep(double highest, boolean quarters) {
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
    public String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\""
                + " width=\"100%%\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"title\">%s</text>%n", LEFT,
                escape(title)));
        spans(svg);
        if (band != null) {
            band(svg);
        }
        gridlines(svg);
        dates(svg);
        markers(svg);
        for (Series line : series) {
            polyline(svg, line);
        }
        for (int i = 0; i < references.size(); i++) {
            double y = y(references.get(i).value());
            svg.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\""
                    + " y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"><title>%s</title></line>%n", LEFT,
                    WIDTH - RIGHT, y, y, referenceColour(i), escape(references.get(i).name() + " "
                    + label(references.get(i).value()))));
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

    /** One polyline per run of values without NaN, each value a step that holds until the next time. */
    private void polyline(StringBuilder svg, Series line) {
        for (String points : steps(line.values, false)) {
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(escape(line.colour()))
                    .append("\" points=\"").append(points).append("\"/>\n");
        }
    }

    /** The band as polygons: along its top edge forwards, back along its bottom edge, one per run without NaN. */
    private void band(StringBuilder svg) {
        List<String> highs = steps(band.high, false);
        List<String> lows = steps(band.low, true);
        for (int i = 0; i < highs.size() && i < lows.size(); i++) {
            svg.append("<polygon class=\"band\" fill=\"").append(BAND_COLOUR).append("\" stroke=\"none\" points=\"")
                    .append(highs.get(i)).append(lows.get(i)).append("\"/>\n");
        }
    }

    /**
     * @param values one per time of the axis; NaN for none
     * @param backwards whether to list each run's points from its end to its start
     * @return each run of values without NaN as SVG points, as steps; a run's last value holds until the next time
     *     (or the axis' end)
     */
    private List<String> steps(double[] values, boolean backwards) {
        long[] times = axis.times();
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < values.length) {
            if (Double.isNaN(values[i])) {
                i++;
                continue;
            }
            List<String> points = new ArrayList<>();
            int start = i;
            for (; i < values.length && !Double.isNaN(values[i]); i++) {
                if (i > start) {
                    // A step: the previous value holds until this point's time.
                    points.add(String.format(Locale.ROOT, "%.1f,%.1f ", x(times[i]), y(values[i - 1])));
                }
                points.add(String.format(Locale.ROOT, "%.1f,%.1f ", x(times[i]), y(values[i])));
            }
            if (i - start == 1) {
                // A lone value: drawn to the next time, or the axis' end, so it is seen at all.
                long until = i < times.length ? times[i] : axis.end();
                points.add(String.format(Locale.ROOT, "%.1f,%.1f ", x(until), y(values[start])));
            }
            if (backwards) {
                java.util.Collections.reverse(points);
            }
            runs.add(String.join("", points));
        }
        return runs;
    }

    private void markers(StringBuilder svg) {
        for (Marker marker : markers) {
            if (marker.time() < axis.start() || marker.time() > axis.end()) {
                continue;
            }
            double x = x(marker.time());
            svg.append(String.format(Locale.ROOT, "<g class=\"marker\"><title>%s</title><line x1=\"%.1f\" x2=\"%.1f\""
                    + " y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"2 2\"/><path d=\"M%.1f %d l-5 -8 h10 z\""
                    + " fill=\"%s\"/></g>%n", escape(marker.label()), x, x, TOP, HEIGHT - BOTTOM, MARKER_COLOUR, x,
                    TOP, MARKER_COLOUR));
        }
    }

    private void legend(StringBuilder svg) {
        int x = WIDTH - RIGHT;
        StringBuilder entries = new StringBuilder();
        for (Series line : series) {
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"%s\">&#9632; %s</tspan>  ",
                    escape(line.colour()), escape(line.name())));
        }
        if (band != null) {
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"#9ab\">&#9632; %s</tspan>  ",
                    escape(band.name())));
        }
        for (int i = 0; i < references.size(); i++) {
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"%s\">- - %s</tspan>  ", referenceColour(i),
                    escape(references.get(i).name())));
        }
        if (!markers.isEmpty()) {
            entries.append(String.format(Locale.ROOT, "<tspan fill=\"%s\">&#9660; scale</tspan>  ", MARKER_COLOUR));
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

    private static String referenceColour(int index) {
        return REFERENCE_COLOURS.get(index % REFERENCE_COLOURS.size());
    }

    /** @return a value as an axis shows it: whole numbers grouped by thousands, others to two decimals */
    public static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * @return the text safe inside an HTML or SVG element or a double-quoted attribute (the only kind this code
     *     writes; an apostrophe stays one, so "HPA's" reads as written in the source)
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
