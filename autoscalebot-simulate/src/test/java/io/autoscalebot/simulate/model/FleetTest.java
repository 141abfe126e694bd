package io.autoscalebot.simulate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void startedProcessesServeOnlyAfterBooting() {
        Fleet fleet = new Fleet(Duration.ofSeconds(60), 1, T0);

        fleet.scaleTo(3, T0);

        assertThat(fleet.running()).isEqualTo(3);
        assertThat(fleet.serving(T0.plusSeconds(59))).isEqualTo(1);
        assertThat(fleet.serving(T0.plusSeconds(60))).isEqualTo(3);
    }

    @Test
    void stoppingTakesBootingProcessesFirst() {
        Fleet fleet = new Fleet(Duration.ofSeconds(60), 2, T0);
        fleet.scaleTo(4, T0.plusSeconds(30));

        fleet.scaleTo(3, T0.plusSeconds(40));

        assertThat(fleet.running()).isEqualTo(3);
        assertThat(fleet.serving(T0.plusSeconds(45))).isEqualTo(2);
        assertThat(fleet.serving(T0.plusSeconds(90))).isEqualTo(3);
    }

    @Test
    void scalingBelowTheServingCountStopsServingProcesses() {
        Fleet fleet = new Fleet(Duration.ZERO, 5, T0);

        fleet.scaleTo(1, T0.plusSeconds(1));

        assertThat(fleet.serving(T0.plusSeconds(1))).isEqualTo(1);
    }
}
