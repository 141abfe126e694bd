package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastScoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(1);

    @Test
    void hasNoErrorUntilAForecastIsDue() {
        ForecastScore score = new ForecastScore(WINDOW);
        score.expect(T0.plusSeconds(60), 4);
        score.settle(T0.plusSeconds(59), 5);

        assertThat(score.error()).isEmpty();
        assertThat(score.pending()).isEqualTo(1);
    }

    @Test
    void scoresAForecastDueExactlyNow() {
        ForecastScore score = new ForecastScore(WINDOW);
        score.expect(T0.plusSeconds(60), 4);
        score.settle(T0.plusSeconds(60), 5);

        assertThat(score.pending()).isZero();
        assertThat(score.error()).hasValue(0.2);
    }

    @Test
    void keepsTheOrderOfForecastsAcrossTheRingsWrapAroundAndGrowth() {
        ForecastScore score = new ForecastScore(WINDOW);
        // Ten at a time through a ring of 16 wraps it around; then forty waiting at once makes it grow twice.
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 10; i++) {
                score.expect(T0.plusSeconds(100L * round + i), 1);
            }
            score.settle(T0.plusSeconds(100L * round + 9), 1);
            assertThat(score.pending()).isZero();
        }
        for (int i = 0; i < 40; i++) {
            score.expect(T0.plusSeconds(1000 + i), i);
        }
        score.settle(T0.plusSeconds(1019), 0);
        assertThat(score.pending()).isEqualTo(20);
        score.settle(T0.plusSeconds(1039), 0);
        assertThat(score.pending()).isZero();
    }

    /** The deque of records this replaced, as the reference: the same errors, bit for bit. */
    @Test
    void scoresAsTheDequeItReplaced() {
        SplittableRandom random = new SplittableRandom(19);
        record Pending(Instant due, double load) {
        }
        Deque<Pending> reference = new ArrayDeque<>();
        Smoothed absoluteError = new Smoothed(WINDOW);
        Smoothed actual = new Smoothed(WINDOW);
        ForecastScore score = new ForecastScore(WINDOW);
        Instant now = T0;
        for (int i = 0; i < 20_000; i++) {
            now = now.plusNanos(random.nextLong(0, 120_000_000_000L));
            double load = random.nextDouble() * 30;
            while (!reference.isEmpty() && !reference.peekFirst().due().isAfter(now)) {
                Pending due = reference.removeFirst();
                absoluteError.add(now, Math.abs(load - due.load()));
                actual.add(now, load);
            }
            score.settle(now, load);
            assertThat(score.pending()).isEqualTo(reference.size());
            OptionalDouble expected = !actual.known() ? OptionalDouble.empty()
                    : actual.value() <= 1e-9 ? OptionalDouble.of(absoluteError.value() <= 1e-9 ? 0 : Double.POSITIVE_INFINITY)
                    : OptionalDouble.of(absoluteError.value() / actual.value());
            assertThat(score.error()).isEqualTo(expected);
            // A forecast for a lead ahead, sometimes a burst of several.
            int forecasts = random.nextInt(10) == 0 ? random.nextInt(1, 30) : 1;
            for (int f = 0; f < forecasts; f++) {
                Instant due = now.plusNanos(random.nextLong(0, 900_000_000_000L));
                double forecast = random.nextDouble() * 30;
                reference.addLast(new Pending(due, forecast));
                score.expect(due, forecast);
            }
        }
    }
}
