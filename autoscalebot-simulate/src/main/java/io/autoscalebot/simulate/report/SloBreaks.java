package io.autoscalebot.simulate.report;

import io.autoscalebot.engine.chart.SvgChart;
import io.autoscalebot.simulate.Timeline;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a replay broke its SLO: the spans of consecutive broken ticks to shade on a chart, and the (UTC) day that
 * broke it longest, to chart on its own since two months in a thousand pixels hide what went wrong.
 */
final class SloBreaks {

    /**
     * The day that broke the SLO longest.
     *
     * @param day the UTC date
     * @param brokenTicks its ticks that broke the SLO
     * @param minutes how long that is
     */
    record WorstDay(LocalDate day, int brokenTicks, double minutes) {

        /** @return the day's first second */
        long start() {
            return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }

        /** @return the next day's first second */
        long end() {
            return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }
    }

    private SloBreaks() {
    }

    /**
     * @param timeline a replay, at full resolution
     * @param interval the length of one tick
     * @return the runs of consecutive ticks that broke the SLO, each from its first tick's start to its last tick's
     *     end, in time order
     */
    static List<SvgChart.Span> spans(Timeline timeline, Duration interval) {
        List<SvgChart.Span> spans = new ArrayList<>();
        long tick = interval.toSeconds();
        int size = timeline.size();
        for (int t = 0; t < size; t++) {
            if (!timeline.sloBroken(t)) {
                continue;
            }
            int last = t;
            while (last + 1 < size && timeline.sloBroken(last + 1)) {
                last++;
            }
            spans.add(new SvgChart.Span(timeline.time(t).getEpochSecond(),
                    timeline.time(last).getEpochSecond() + tick));
            t = last;
        }
        return spans;
    }

    /**
     * @param timeline a replay, at full resolution
     * @param interval the length of one tick
     * @return the UTC day with the most ticks that broke the SLO, the earliest of equals; empty if none broke it
     */
    static Optional<WorstDay> worstDay(Timeline timeline, Duration interval) {
        TreeMap<LocalDate, Integer> broken = new TreeMap<>();
        for (int t = 0; t < timeline.size(); t++) {
            if (timeline.sloBroken(t)) {
                broken.merge(LocalDate.ofInstant(timeline.time(t), ZoneOffset.UTC), 1, Integer::sum);
            }
        }
        LocalDate worst = null;
        for (var day : broken.entrySet()) {
            if (worst == null || day.getValue() > broken.get(worst)) {
                worst = day.getKey();
            }
        }
        if (worst == null) {
            return Optional.empty();
        }
        int ticks = broken.get(worst);
        return Optional.of(new WorstDay(worst, ticks, ticks * interval.toSeconds() / 60.0));
    }
}
