package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmoothedTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void weighsASampleOneWindowOldAtOneOverE() {
        Smoothed smoothed = new Smoothed(Duration.ofMinutes(10));
        smoothed.add(T0, 0);
        smoothed.add(T0.plus(Duration.ofMinutes(10)), 1);

        assertThat(smoothed.value()).isEqualTo(1 - Math.exp(-1));
    }

    @Test
    void ignoresTimeGoingBackwards() {
        Smoothed smoothed = new Smoothed(Duration.ofMinutes(10));
        smoothed.add(T0, 4);
        smoothed.add(T0.minusMillis(1500), 100);

        assertThat(smoothed.value()).isEqualTo(4);
    }

    /** The formula it had before the weight was remembered and the Duration dropped, as the reference, bit for bit. */
    @Test
    void averagesExactlyAsTheDurationFormulaForSteadyAndIrregularIntervals() {
        SplittableRandom random = new SplittableRandom(17);
        Duration window = Duration.ofMinutes(30);
        Smoothed smoothed = new Smoothed(window);
        double reference = 0;
        Instant last = null;
        Instant now = T0;
        for (int i = 0; i < 50_000; i++) {
            // Mostly a steady minute, sometimes an odd interval with part milliseconds, sometimes back in time.
            long nanos = random.nextInt(4) > 0 ? 60_000_000_000L : random.nextLong(-5_000_000_000L, 300_000_000_000L);
            now = now.plusNanos(nanos);
            double sample = random.nextDouble() * 50;
            if (last == null) {
                reference = sample;
            } else {
                double elapsed = Math.max(0, Duration.between(last, now).toMillis());
                reference += (1 - Math.exp(-elapsed / window.toMillis())) * (sample - reference);
            }
            last = now;
            smoothed.add(now, sample);
            assertThat(smoothed.value()).isEqualTo(reference);
        }
    }
}
