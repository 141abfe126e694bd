package io.autoscalebot.plugin.targettracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.ScaleEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaleHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private record Scale(Instant time, int from, int to) implements ScaleEvent {
    }

    @Test
    void netChangeIsAddedMinusRemovedStrictlyWithinThePeriod() {
        ScaleHistory history = new ScaleHistory();
        history.observe(new Scale(T0, 1, 5));
        history.observe(new Scale(T0.plusSeconds(30), 5, 9));
        history.observe(new Scale(T0.plusSeconds(45), 9, 7));

        assertThat(history.netChangeWithin(T0.plusSeconds(60), Duration.ofSeconds(61))).isEqualTo(6);
        // The scale at exactly now - period is out.
        assertThat(history.netChangeWithin(T0.plusSeconds(60), Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(history.netChangeWithin(T0.plusSeconds(60), Duration.ofSeconds(16))).isEqualTo(-2);
    }

    @Test
    void recordsAScaleReportedOnEveryTickOnce() {
        ScaleHistory history = new ScaleHistory();
        Scale scale = new Scale(T0, 2, 4);
        for (int tick = 0; tick < 3; tick++) {
            history.observe(new Scale(scale.time(), scale.from(), scale.to()));
        }

        assertThat(history.netChangeWithin(T0.plusSeconds(1), Duration.ofMinutes(1))).isEqualTo(2);
    }

    @Test
    void forgetsOldScalesButKeepsTheNewest() {
        ScaleHistory history = new ScaleHistory();
        history.observe(new Scale(T0.plusSeconds(10), 3, 1));
        history.observe(new Scale(T0, 1, 3));
        history.forgetBefore(T0.plusSeconds(600), Duration.ofMinutes(1));

        // Learnt out of order, kept in time order: the newest (3 -> 1) stays, though outside the period.
        assertThat(history.netChangeWithin(T0.plusSeconds(11), Duration.ofMinutes(1))).isEqualTo(-2);
        history.observe(new Scale(T0.plusSeconds(10), 3, 1));
        assertThat(history.netChangeWithin(T0.plusSeconds(11), Duration.ofMinutes(1))).isEqualTo(-2);
    }
}
