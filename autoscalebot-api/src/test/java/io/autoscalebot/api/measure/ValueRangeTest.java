package io.autoscalebot.api.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueRangeTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void timesAndCountsAreNeverNegativeAndCountsHaveACeiling() {
        assertThat(ValueRange.TIME.contains(-42)).isFalse();
        assertThat(ValueRange.TIME.contains(0)).isTrue();
        assertThat(ValueRange.COUNT.contains(1e308)).isFalse();
        assertThat(ValueRange.COUNT.contains(12_000)).isTrue();
        assertThat(ValueRange.ANY.contains(Double.NaN)).isFalse();
        assertThat(ValueRange.ANY.contains(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(ValueRange.ANY.contains(-1e308)).isTrue();
    }

    @Test
    void readsShortForPeople() {
        assertThat(ValueRange.TIME).hasToString("0 or more");
        assertThat(ValueRange.COUNT).hasToString("0 to 9.007199254740992e15");
        assertThat(ValueRange.between(0, 100)).hasToString("0 to 100");
        assertThat(ValueRange.ANY).hasToString("any finite number");
    }

    @Test
    void rejectsBoundsThatAreNotARange() {
        assertThatThrownBy(() -> ValueRange.between(5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueRange.atLeast(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHugeReadingIsDescribedInAFewCharactersNotThreeHundredDigits() {
        assertThat(Measurement.of(NOW, 1e308, "jobs").describe()).isEqualTo("1e308 jobs");
        assertThat(Measurement.of(NOW, -42, "ms").describe()).isEqualTo("-42 ms");
        assertThat(Measurement.of(NOW, 512.345, "ms").describe()).isEqualTo("512.35 ms");
        assertThat(Measurement.of(NOW, 1.5e-7, "").describe()).isEqualTo("1.5e-7");
    }
}
