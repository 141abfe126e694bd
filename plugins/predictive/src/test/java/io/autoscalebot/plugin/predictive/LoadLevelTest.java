package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class LoadLevelTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration LEAD = Duration.ofMinutes(2);

    /** Adds one load a minute, in virtual time, for the given minutes. */
    private static LoadLevel levelOf(int minutes, IntToDoubleFunction loadAtMinute) {
        LoadLevel level = new LoadLevel(Duration.ofMinutes(5), LEAD, Duration.ofHours(1));
        for (int minute = 0; minute < minutes; minute++) {
            level.add(START.plus(Duration.ofMinutes(minute)), loadAtMinute.applyAsDouble(minute));
        }
        return level;
    }

    @Test
    void isTheLoadItselfWhenTheLoadIsSteady() {
        LoadLevel level = levelOf(120, minute -> 7);

        assertThat(level.ahead(LEAD)).isEqualTo(7);
        assertThat(level.noise()).isZero();
    }

    @Test
    void expectsARampToGoOnRisingOverTheLead() {
        // Rising by 1 a minute: at minute 599 the load is 599, and 601 two minutes on. The trend makes up the lag a
        // plain moving average would have (5 minutes behind, 594).
        LoadLevel level = levelOf(600, minute -> minute);

        assertThat(level.ahead(LEAD)).isCloseTo(601, within(0.01));
        // Only the first minutes' errors, while the trend was learnt, are left in the hour-long mean square.
        assertThat(level.noise()).isLessThan(0.05);
    }

    @Test
    void plansNoFallAheadOfAFallingLoad() {
        // Falling by 1 a minute from 1000: the level follows the load down, but the floor does not plan below it.
        LoadLevel level = levelOf(600, minute -> 1000 - minute);

        assertThat(level.ahead(LEAD)).isCloseTo(401, within(0.01));
    }

    @Test
    void measuresTheNoiseAroundTheLevelNotTheLevelItself() {
        // 8, 12, 8, 12, ...: the level settles near 10 and each load is about 2 away from what was expected.
        LoadLevel level = levelOf(600, minute -> minute % 2 == 0 ? 8 : 12);

        assertThat(level.ahead(Duration.ZERO)).isCloseTo(10, within(0.5));
        assertThat(level.noise()).isCloseTo(2, within(0.5));
    }

    @Test
    void isZeroBeforeAnyLoad() {
        LoadLevel level = levelOf(0, minute -> 5);

        assertThat(level.ahead(LEAD)).isZero();
        assertThat(level.noise()).isZero();
    }

    @Test
    void refusesAWindowOfZero() {
        assertThatThrownBy(() -> new LoadLevel(Duration.ZERO, LEAD, Duration.ofHours(1)))
                .hasMessageContaining("level_window must be longer than 0s");
    }

    @Test
    void barelyMovesWithAWindowTooLongToCountInMilliseconds() {
        LoadLevel level = new LoadLevel(Duration.ofDays(200_000_000_000L), LEAD, Duration.ofDays(200_000_000_000L));
        level.add(START, 7);
        level.add(START.plus(Duration.ofMinutes(1)), 1_000);

        assertThat(level.ahead(LEAD)).isCloseTo(7, within(0.001));
    }
}
