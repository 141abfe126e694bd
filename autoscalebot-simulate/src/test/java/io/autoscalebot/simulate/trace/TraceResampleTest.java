package io.autoscalebot.simulate.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TraceResampleTest {

    private static final Instant START = Instant.parse("1995-07-01T00:00:00Z");

    @Test
    void aShorterIntervalKeepsTheRateOfTheStepItFallsIn() {
        Trace minutes = Trace.uniform("t", START, Duration.ofMinutes(1), 60, 120);

        Trace ticks = minutes.resampled(Duration.ofSeconds(30), 1);

        assertThat(ticks.step()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ticks.counts()).containsExactly(30, 30, 60, 60);
        assertThat(ticks.ratePerSecond(2)).isEqualTo(minutes.ratePerSecond(1));
        assertThat(ticks.time(3)).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void aLongerIntervalAveragesTheStepsItOverlaps() {
        Trace minutes = Trace.uniform("t", START, Duration.ofMinutes(1), 60, 120, 0, 30);

        Trace ticks = minutes.resampled(Duration.ofSeconds(90), 1);

        // [0, 90s): 60 + half of 120; [90s, 180s): the other half and 0; [180s, 240s): a partial tick at 30 a minute.
        assertThat(ticks.counts()).containsExactly(120, 60, 45);
        assertThat(ticks.ratePerSecond(2)).isEqualTo(minutes.ratePerSecond(3));
    }

    @Test
    void multipliesEveryCountByTheLoadScale() {
        Trace minutes = Trace.uniform("t", START, Duration.ofMinutes(1), 60, 120);

        assertThat(minutes.resampled(Duration.ofMinutes(1), 2.5).counts()).containsExactly(150, 300);
    }

    @Test
    void keepsTheJumpOfATraceWhoseGapIsSkipped() throws Exception {
        Trace gapped = new TraceReader(MissingSteps.GAP, ZoneOffset.UTC).read("g.csv", new StringReader(
                "1995-07-01 00:00:00,60\n1995-07-01 00:01:00,60\n1995-07-01 00:02:00,60\n"
                        + "1995-07-01 00:05:00,120\n1995-07-01 00:06:00,120\n"));

        Trace ticks = gapped.resampled(Duration.ofSeconds(30), 1);

        assertThat(ticks.size()).isEqualTo(10);
        assertThat(ticks.time(5)).isEqualTo(START.plusSeconds(150));
        assertThat(ticks.time(6)).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(ticks.counts()).containsExactly(30, 30, 30, 30, 30, 30, 60, 60, 60, 60);
        assertThat(ticks.gaps()).isEqualTo(gapped.gaps());
        assertThat(ticks.missing()).isEqualTo(MissingSteps.GAP);
    }

    @Test
    void refusesAnIntervalOfNothing() {
        Trace minutes = Trace.uniform("t", START, Duration.ofMinutes(1), 60);

        assertThatThrownBy(() -> minutes.resampled(Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an interval must be longer than 0s");
    }
}
