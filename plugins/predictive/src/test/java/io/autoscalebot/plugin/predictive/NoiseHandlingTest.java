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
    void refusesANegativeFloorNoise() {
        assertThatThrownBy(() -> new NoiseHandling(Duration.ofMinutes(5), -1, 0))
                .hasMessageContaining("floor_noise must be 0 or more, got -1.0");
    }
}
