package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeasonalNoiseTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration LEAD = Duration.ofMinutes(2);

    /** One error a minute for a day: 3 in the first five minutes of every hour, 0 in the rest. */
    private static SeasonalNoise stepsOnTheHour(double smoothing) {
        SeasonalNoise noise = new SeasonalNoise(Duration.ofMinutes(5), smoothing);
        for (int minute = 0; minute < 24 * 60; minute++) {
            noise.add(MIDNIGHT.plus(Duration.ofMinutes(minute)), minute % 60 < 5 ? 3 : 0);
        }
        return noise;
    }

    @Test
    void isTheNoiseOfTheSlotsTheLeadReachesNotOfTheWholeDay() {
        SeasonalNoise noise = stepsOnTheHour(0.3);
        Instant tomorrow = MIDNIGHT.plus(Duration.ofDays(1));

        // Mid-hour the next two minutes are quiet; two minutes before the hour the lead reaches its first slot.
        assertThat(noise.ahead(tomorrow.plus(Duration.ofMinutes(30)), LEAD, 99)).isZero();
        assertThat(noise.ahead(tomorrow.plus(Duration.ofMinutes(58)), LEAD, 99)).isEqualTo(3);
        assertThat(noise.ahead(tomorrow.plus(Duration.ofMinutes(3)), LEAD, 99)).isEqualTo(3);
    }

    @Test
    void usesTheOverallNoiseForASlotNotLearntYet() {
        SeasonalNoise noise = new SeasonalNoise(Duration.ofMinutes(5), 0.3);
        noise.add(MIDNIGHT, 2);

        assertThat(noise.ahead(MIDNIGHT.plus(Duration.ofHours(1)), LEAD, 1.5)).isEqualTo(1.5);
    }

    @Test
    void foldsEachDaysVisitOfASlotWithTheSmoothing() {
        SeasonalNoise noise = stepsOnTheHour(0.5);
        // Tomorrow the first slot of each hour is quiet: its mean square goes from 9 half way to 0.
        Instant tomorrow = MIDNIGHT.plus(Duration.ofDays(1));
        for (int minute = 0; minute < 24 * 60; minute++) {
            noise.add(tomorrow.plus(Duration.ofMinutes(minute)), 0);
        }

        assertThat(noise.ahead(tomorrow.plus(Duration.ofDays(1)).minus(LEAD), LEAD, 99))
                .isCloseTo(Math.sqrt(4.5), within(1e-9));
    }

    @Test
    void refusesASlotThatDoesNotDivideADay() {
        assertThatThrownBy(() -> new SeasonalNoise(Duration.ofMinutes(7), 0.3))
                .hasMessageContaining("noise_slot must be whole seconds, at least 1m, dividing a day");
    }
}
