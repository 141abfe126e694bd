package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Averages the newest {@code average_over} successful readings: scales up when the average is above max_value, down
 * when it is below min_value. The original averaged the oldest readings of its history, which lagged behind the load.
 */
final class AverageThresholdDecide extends ThresholdDecide {

    private final int averageOver;

    AverageThresholdDecide(ThresholdSettings settings, int averageOver, ZoneId zone) {
        super(settings, zone);
        this.averageOver = averageOver;
    }

    @Override
    Decision decideFrom(List<Measurement> readings, DecideContext context) {
        List<Measurement> successful = readings.stream().filter(Measurement::hasValue).collect(Collectors.toList());
        if (successful.size() < averageOver) {
            return Decision.hold("waiting for " + averageOver + " successful measurements to average, have "
                    + successful.size());
        }
        List<Measurement> newest = successful.subList(successful.size() - averageOver, successful.size());
        String unit = newest.get(newest.size() - 1).unit();
        double average = Readings.average(newest);
        // Reasons are worded only when read: a simulation's ticks read almost none.
        if (average > settings.maxValue()) {
            return up(context, () -> reason(average, unit, "above " + max(unit), newest));
        }
        if (average < settings.minValue()) {
            return down(context, () -> reason(average, unit, "below " + min(unit), newest));
        }
        return Decision.hold(() -> reason(average, unit, between(unit), newest));
    }

    /** @return {@code the last 3 measurements average 900 ms, between 400 and 1200 ms (800, 900, 1000 ms)} */
    private String reason(double average, String unit, String relation, List<Measurement> newest) {
        return (averageOver == 1 ? "the latest measurement is " : "the last " + averageOver + " measurements average ")
                + Readings.withUnit(average, unit) + ", " + relation + " (" + Readings.values(newest) + ")";
    }
}
