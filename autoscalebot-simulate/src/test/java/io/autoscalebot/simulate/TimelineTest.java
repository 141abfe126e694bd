package io.autoscalebot.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Timeline SIX_TICKS = new Timeline(new long[] {0, 60, 120, 180, 240, 300},
            new int[] {1, 5, 1, 1, 2, 1}, new int[] {2, 2, 7, 2, 2, 3}, new int[] {1, 5, 5, 1, 2, 2},
            new double[] {100, 400, 100, 30_000, 0, 200}, new boolean[] {false, false, false, true, false, false});

    @Test
    void keepsTheLargestCountsAndTheMeanMeasurementOfEachRunOfTicks() {
        Timeline points = SIX_TICKS.downsample(2);

        assertThat(points.size()).isEqualTo(2);
        assertThat(points.time(1)).isEqualTo(Instant.ofEpochSecond(180));
        assertThat(points.demand(0)).isEqualTo(5);
        assertThat(points.supply(0)).isEqualTo(7);
        assertThat(points.oracle(1)).isEqualTo(2);
        assertThat(points.measured(0)).isCloseTo(200, within(1e-9));
        assertThat(points.measured(1)).isCloseTo((30_000 + 0 + 200) / 3.0, within(1e-9));
        // One broken tick marks its whole run, so a short break stays visible on a long chart.
        assertThat(points.sloBroken(0)).isFalse();
        assertThat(points.sloBroken(1)).isTrue();
    }

    @Test
    void leavesAShortTimelineAsItIs() {
        assertThat(SIX_TICKS.downsample(6)).isSameAs(SIX_TICKS);
    }

    @Test
    void coversAnUnevenLastRun() {
        Timeline points = SIX_TICKS.downsample(4);

        // Runs of two: three points, the last covering ticks 4 and 5.
        assertThat(points.size()).isEqualTo(3);
        assertThat(points.supply(2)).isEqualTo(3);
        assertThat(points.measured(2)).isCloseTo(100, within(1e-9));
    }
}
