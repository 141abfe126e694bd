package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static void assertSameAsFormatter(double value) {
        for (int places = 0; places <= 2; places++) {
            assertThat(Decimals.fixed(value, places)).as("%s to %d places", value, places)
                    .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
        }
    }

    @Test
    void writesWhatTheFormatterWritesOnTiesAndEdges() {
        double[] values = {0, -0.0, 0.004, 0.005, 0.015, 0.125, 0.995, 1.005, 2.675, 0.5, 1.5, 2.5, 9.995, 99.999,
            -1.25, 1e6, 123456.785, 1e300, Double.NaN, Double.POSITIVE_INFINITY, 7.0 / 0.7, 0.1 + 0.2, 1.0 / 3};
        for (double value : values) {
            assertSameAsFormatter(value);
        }
    }

    @Test
    void writesWhatTheFormatterWritesForManyValues() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            assertSameAsFormatter(random.nextDouble() * Math.pow(10, random.nextInt(-3, 8)));
            // Values on a three-decimal grid sit on or next to the ties the Formatter rounds half-up.
            assertSameAsFormatter(random.nextInt(0, 2_000_000) / 1000.0);
        }
    }
}
