package io.autoscalebot.plugin.staticvalue;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.time.Clock;

/** Returns the same reading at every measure, timed with the engine's clock. */
final class FixedMeasure implements Measure {

    private final double value;
    private final String unit;
    private final Clock clock;

    FixedMeasure(double value, String unit, Clock clock) {
        this.value = value;
        this.unit = unit;
        this.clock = clock;
    }

    @Override
    public Measurement measure() {
        return Measurement.of(clock.instant(), value, unit);
    }
}
