package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The rules both threshold deciders follow before looking at values: hold during the post-scale wait, read only
 * measurements taken after the last scale, ignore instructions, and never read a failed measurement as fast.
 */
abstract class ThresholdDecide implements Decide {

    /** The shared settings. */
    final ThresholdSettings settings;
    private final ZoneId zone;

    /**
     * @param settings the shared settings
     * @param zone the zone of the engine's clock, for the times shown in reasons
     */
    ThresholdDecide(ThresholdSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    @Override
    public final int historySize() {
        return settings.history();
    }

    /** Both thresholds, for the status dashboard: measurements above the first scale up, below the second down. */
    @Override
    public final List<GuideLine> guideLines() {
        return List.of(new GuideLine("scale up above", settings.maxValue()),
                new GuideLine("scale down below", settings.minValue()));
    }

    @Override
    public final Decision decide(DecideContext context) {
        Optional<ScaleEvent> lastScale = context.lastScale();
        if (lastScale.isPresent()) {
            Instant waitEnds = lastScale.get().time().plus(settings.postScaleWait());
            if (context.now().isBefore(waitEnds)) {
                return Decision.hold("waiting " + Readings.duration(Duration.between(context.now(), waitEnds))
                        + " more after the scale at " + Readings.time(lastScale.get().time(), zone));
            }
        }
        List<Measurement> readings = readingsSince(context.history(), lastScale);
        if (readings.isEmpty()) {
            return Decision.hold(lastScale
                    .map(scale -> "no measurements since the scale at " + Readings.time(scale.time(), zone))
                    .orElse("no measurements yet"));
        }
        Measurement latest = readings.get(readings.size() - 1);
        if (!latest.succeeded()) {
            // A failure says nothing about load: reading it as fast would scale down a group that is down.
            return Decision.hold("the latest measurement failed: " + latest.failure());
        }
        return decideFrom(readings, context);
    }

    /**
     * Decides from the readings that count.
     *
     * @param readings the measurements taken after the last scale, instructions left out, oldest first; never empty, and
     *     the newest succeeded
     * @param context the decide context
     * @return the decision
     */
    abstract Decision decideFrom(List<Measurement> readings, DecideContext context);

    /** @return a decision to add {@code increment} processes, its reason worded only when read */
    final Decision up(DecideContext context, Supplier<String> reason) {
        return Decision.scaleTo(context.current() + settings.increment(), reason);
    }

    /** @return a decision to remove {@code increment} processes, never below zero, its reason worded when read */
    final Decision down(DecideContext context, Supplier<String> reason) {
        return Decision.scaleTo(Math.max(0, context.current() - settings.increment()), reason);
    }

    /** @return whether a successful reading is above max_value */
    final boolean above(Measurement reading) {
        return reading.value() > settings.maxValue();
    }

    /** @return whether a successful reading is below min_value */
    final boolean below(Measurement reading) {
        return reading.value() < settings.minValue();
    }

    /** @return {@code max_value} with the readings' unit: {@code 1200 ms} */
    final String max(String unit) {
        return Readings.withUnit(settings.maxValue(), unit);
    }

    /** @return {@code min_value} with the readings' unit: {@code 400 ms} */
    final String min(String unit) {
        return Readings.withUnit(settings.minValue(), unit);
    }

    /** @return {@code between 400 and 1200 ms} */
    final String between(String unit) {
        return "between " + Readings.number(settings.minValue()) + " and " + max(unit);
    }

    /**
     * Measurements taken before the last scale describe a different count, so they must not count towards a new
     * decision; instructions are for another decider and carry no value.
     */
    private static List<Measurement> readingsSince(List<Measurement> history, Optional<ScaleEvent> lastScale) {
        return history.stream()
                .filter(m -> m.instruction() == null)
                .filter(m -> lastScale.isEmpty() || m.time().isAfter(lastScale.get().time()))
                .collect(Collectors.toList());
    }
}
