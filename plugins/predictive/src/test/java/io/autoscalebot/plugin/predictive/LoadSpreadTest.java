package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class LoadSpreadTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration LEAD = Duration.ofMinutes(2);

    /** Adds one load a minute for the given minutes and returns the spread after them. */
    private static double spreadOf(int minutes, IntToDoubleFunction loadAtMinute) {
        LoadSpread spread = new LoadSpread(LEAD, Duration.ofHours(1));
        for (int minute = 0; minute < minutes; minute++) {
            spread.add(START.plus(Duration.ofMinutes(minute)), loadAtMinute.applyAsDouble(minute));
        }
        return spread.value();
    }

    @Test
    void isZeroUntilTwoLoadsALeadApartWereSeen() {
        assertThat(spreadOf(2, minute -> 10 + 5 * minute)).isZero();
        assertThat(spreadOf(3, minute -> 10 + 5 * minute)).isEqualTo(10);
    }

    @Test
    void isZeroForASteadyLoad() {
        assertThat(spreadOf(120, minute -> 7)).isZero();
    }

    @Test
    void comparesLoadsOneLeadApartNotOneTick() {
        // Rising by 1 a minute moves the load by 2 over a 2-minute lead.
        assertThat(spreadOf(60, minute -> minute)).isCloseTo(2, within(1e-9));
    }

    @Test
    void measuresTheSwingOfANoisyLoadWhicheverWayItGoes() {
        // 10, 10, 14, 14, 10, 10, ...: every load is 4 away from the one two minutes before.
        assertThat(spreadOf(240, minute -> minute / 2 % 2 == 0 ? 10 : 14)).isCloseTo(4, within(1e-9));
    }

    @Test
    void forgetsAnOldSwingOverTheWindow() {
        // Two hours of swings, then six steady hours: the mean square decays by e^-6.
        double spread = spreadOf(480, minute -> minute < 120 && minute / 2 % 2 == 0 ? 10 : 14);

        assertThat(spread).isLessThan(4 * Math.exp(-3) + 1e-6).isGreaterThan(0);
    }
}
