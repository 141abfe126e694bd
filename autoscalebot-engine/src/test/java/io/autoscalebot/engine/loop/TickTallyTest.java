package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The figures of the summary line. */
class TickTallyTest {

    @Test
    void givesPercentilesAsTheBucketTheyFallInAndTheExactMax() {
        TickTally tally = new TickTally();
        for (int i = 0; i < 98; i++) {
            tally.record(TickReport.Outcome.HELD, Duration.ofMillis(3));
        }
        tally.record(TickReport.Outcome.SCALED, Duration.ofMillis(70));
        tally.record(TickReport.Outcome.FAILED, Duration.ofMillis(1234));

        TickTally.Line line = tally.drain(Duration.ofSeconds(30));

        assertThat(line.text()).isEqualTo("summary of the last 30 s: 100 ticks (98 held, 1 scaled, 1 failed, 0 not "
                + "started); started late by p50 <= 10 ms, p99 <= 100 ms, max 1234 ms");
        assertThat(line.fields()).containsEntry("ticks", 100L).containsEntry("held", 98L)
                .containsEntry("lateness_p99", "<= 100 ms").containsEntry("lateness_max_ms", 1234L);
    }

    @Test
    void startsAfreshAfterEachLine() {
        TickTally tally = new TickTally();
        tally.record(TickReport.Outcome.HELD, Duration.ofSeconds(40));
        tally.drain(Duration.ofSeconds(30));

        assertThat(tally.drain(Duration.ofSeconds(30)).text())
                .isEqualTo("summary of the last 30 s: 0 ticks (0 held, 0 scaled, 0 failed, 0 not started); "
                        + "started late by p50 n/a, p99 n/a, max 0 ms");
    }
}
