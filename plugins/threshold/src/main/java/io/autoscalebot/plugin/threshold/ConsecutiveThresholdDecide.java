package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
        // Reasons are worded only when read: a simulation's ticks read almost none.
        if (above(latest)) {
            return onStreak(streak(readings, this::above), fails, () -> "above " + max(unit), "scaling up",
                    reason -> up(context, reason));
        }
        if (below(latest)) {
            return onStreak(streak(readings, this::below), passes, () -> "below " + min(unit), "scaling down",
                    reason -> down(context, reason));
        }
        return Decision.hold(() -> "the latest measurement, " + Readings.withUnit(latest.value(), unit) + ", is "
                + between(unit));
    }

    /**
     * @param streak the newest readings on one side of a threshold
     * @param needed how many in a row make a scale
     * @param side {@code above 1200 ms}
     * @param action {@code scaling up}, for the hold's reason
     * @param scale the scale decision for a reason
     * @return the scale once the streak is long enough, a hold saying how far it got otherwise
     */
    private static Decision onStreak(List<Measurement> streak, int needed, Supplier<String> side, String action,
                                     Function<Supplier<String>, Decision> scale) {
        if (streak.size() >= needed) {
            List<Measurement> counted = streak.subList(streak.size() - needed, streak.size());
            return scale.apply(() -> needed + " of the last " + needed
                    + (needed == 1 ? " measurement " : " measurements ") + side.get() + " ("
                    + Readings.values(counted) + ")");
        }
        return Decision.hold(() -> (streak.size() == 1 ? "only the latest measurement is "
                : "only the last " + streak.size() + " measurements are ") + side.get() + " ("
                + Readings.values(streak) + "); " + action + " needs " + needed + " in a row");
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
}
