package io.autoscalebot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary line: --log-summary on the command line wins over [log] summary in the file. */
class RunOptionsTest {

    private static final Duration TEARDOWN = Duration.ofSeconds(30);

    @Test
    void withoutTheFlagTheFilesSummaryPeriodIsUsed() {
        assertThat(new RunOptions(false, TEARDOWN).summaryOr(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theFlagWinsOverTheFileEvenToTurnTheLineOff() {
        RunOptions off = new RunOptions(false, TEARDOWN, Optional.of(Duration.ZERO));
        RunOptions often = new RunOptions(false, TEARDOWN, Optional.of(Duration.ofSeconds(10)));

        assertThat(off.summaryOr(Duration.ofMinutes(5))).isZero();
        assertThat(often.summaryOr(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesANegativeSummaryPeriod() {
        assertThatThrownBy(() -> new RunOptions(false, TEARDOWN, Optional.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("like 1m");
    }
}
