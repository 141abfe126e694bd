package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoiseHandlingTest {

    @Test
    void downStepRemovesAtMostThatManyProcessesATick() {
        NoiseHandling twoATick = new NoiseHandling(Duration.ZERO, 0, 2);

        assertThat(twoATick.stepDown(10, 4)).isEqualTo(8);
        assertThat(twoATick.stepDown(10, 9)).isEqualTo(9);
    }

    @Test
    void downStepNeverHoldsBackAScaleUp() {
        assertThat(new NoiseHandling(Duration.ZERO, 0, 1).stepDown(10, 15)).isEqualTo(15);
    }

    @Test
    void downStepZeroScalesDownAtOnce() {
        assertThat(NoiseHandling.OFF.stepDown(10, 4)).isEqualTo(4);
    }

    @Test
    void refusesFloorNoiseWithoutALevelToMeasureItAround() {
        assertThatThrownBy(() -> new NoiseHandling(Duration.ZERO, 2, 0))
                .hasMessageContaining("floor_noise needs level_window");
    }

    @Test
    void guardNoiseCapsTheGuardsAtThatManyNoisesOnceTheNoiseIsKnown() {
        NoiseHandling capped = new NoiseHandling(Duration.ofMinutes(5), 2, 0, 3, Duration.ZERO);

        assertThat(capped.guardCap(0.5, true)).isEqualTo(1.5);
        assertThat(capped.guardCap(0.5, false)).isInfinite();
        assertThat(new NoiseHandling(Duration.ofMinutes(5), 2, 0).guardCap(0.5, true)).isInfinite();
    }

    @Test
    void refusesGuardNoiseAndNoiseSlotWithoutALevelToMeasureTheNoiseAround() {
        assertThatThrownBy(() -> new NoiseHandling(Duration.ZERO, 0, 0, 3, Duration.ZERO))
                .hasMessageContaining("guard_noise needs level_window");
        assertThatThrownBy(() -> new NoiseHandling(Duration.ZERO, 0, 0, 0, Duration.ofMinutes(5)))
                .hasMessageContaining("noise_slot needs level_window");
    }

    @Test
    void refusesANoiseSlotThatDoesNotDivideADay() {
        assertThatThrownBy(() -> new NoiseHandling(Duration.ofMinutes(5), 0, 0, 0, Duration.ofMinutes(7)))
                .hasMessageContaining("noise_slot must be 0s (one overall noise) or whole seconds, at least 1m");
    }

    @Test
    void refusesANegativeFloorNoise() {
        assertThatThrownBy(() -> new NoiseHandling(Duration.ofMinutes(5), -1, 0))
                .hasMessageContaining("floor_noise must be 0 or more, got -1.0");
    }
}
