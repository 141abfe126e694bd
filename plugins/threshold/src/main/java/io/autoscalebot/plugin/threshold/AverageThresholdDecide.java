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
        String averaged = (averageOver == 1 ? "the latest measurement is " : "the last " + averageOver
                + " measurements average ") + Readings.withUnit(average, unit);
        String values = " (" + Readings.values(newest) + ")";
        if (average > settings.maxValue()) {
            return up(context, averaged + ", above " + max(unit) + values);
        }
        if (average < settings.minValue()) {
            return down(context, averaged + ", below " + min(unit) + values);
        }
        return Decision.hold(averaged + ", " + between(unit) + values);
    }
}
