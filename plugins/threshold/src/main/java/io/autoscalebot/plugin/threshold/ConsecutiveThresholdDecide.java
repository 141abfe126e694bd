package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

/** Scales up after {@code fails} consecutive readings above max_value, down after {@code passes} below min_value. */
final class ConsecutiveThresholdDecide extends ThresholdDecide {

    private final int fails;
    private final int passes;

    ConsecutiveThresholdDecide(ThresholdSettings settings, int fails, int passes, ZoneId zone) {
        super(settings, zone);
        this.fails = fails;
        this.passes = passes;
    }

    @Override
    Decision decideFrom(List<Measurement> readings, DecideContext context) {
        Measurement latest = readings.get(readings.size() - 1);
        String unit = latest.unit();
        if (above(latest)) {
            List<Measurement> streak = streak(readings, this::above);
            return streak.size() >= fails
                    ? up(context, lastOf(streak, fails) + " above " + max(unit) + " (" + Readings.values(
                            streak.subList(streak.size() - fails, streak.size())) + ")")
                    : Decision.hold(streakSoFar(streak) + " above " + max(unit) + " (" + Readings.values(streak)
                            + "); scaling up needs " + fails + " in a row");
        }
        if (below(latest)) {
            List<Measurement> streak = streak(readings, this::below);
            return streak.size() >= passes
                    ? down(context, lastOf(streak, passes) + " below " + min(unit) + " (" + Readings.values(
                            streak.subList(streak.size() - passes, streak.size())) + ")")
                    : Decision.hold(streakSoFar(streak) + " below " + min(unit) + " (" + Readings.values(streak)
                            + "); scaling down needs " + passes + " in a row");
        }
        return Decision.hold("the latest measurement, " + Readings.withUnit(latest.value(), unit) + ", is "
                + between(unit));
    }

    /**
     * @return the newest readings that all pass {@code test}, oldest first; a failed reading ends the streak, because a
     *     failure is neither fast nor slow
     */
    private static List<Measurement> streak(List<Measurement> readings, Predicate<Measurement> test) {
        int start = readings.size();
        while (start > 0 && readings.get(start - 1).hasValue() && test.test(readings.get(start - 1))) {
            start--;
        }
        return readings.subList(start, readings.size());
    }

    private static String lastOf(List<Measurement> streak, int needed) {
        return needed + " of the last " + needed + (needed == 1 ? " measurement" : " measurements");
    }

    private static String streakSoFar(List<Measurement> streak) {
        return streak.size() == 1 ? "only the latest measurement is" : "only the last " + streak.size()
                + " measurements are";
    }
}
