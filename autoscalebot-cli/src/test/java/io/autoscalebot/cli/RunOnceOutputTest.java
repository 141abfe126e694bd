package io.autoscalebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.engine.TickSummary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What {@code run --once} prints for each group, each line seen wrong in real output. */
class RunOnceOutputTest {

    private static TickSummary report(TickSummary.Outcome outcome, String summary) {
        return new TickSummary("web", Instant.EPOCH, outcome, summary);
    }

    @Test
    void namesTheGroupOnceAndThenWhatTheTickDid() {
        String line = RunCommand.onceLine(report(TickSummary.Outcome.SCALED,
                "web: current 2, measured 1500 ms, scaled 2 -> 3: busy"), false);

        assertThat(line).isEqualTo("web: scaled: current 2, measured 1500 ms, scaled 2 -> 3: busy");
    }

    @Test
    void neverSaysScaledInADryRun() {
        String line = RunCommand.onceLine(report(TickSummary.Outcome.SCALED,
                "web: current 0, measured 5000 ms, dry run: would scale 0 -> 1: slow"), true);

        assertThat(line).isEqualTo("web: would scale: current 0, measured 5000 ms, dry run: would scale 0 -> 1: slow")
                .doesNotContain("scaled");
    }

    @Test
    void saysAGroupThatDidNotStartInWords() {
        String line = RunCommand.onceLine(report(TickSummary.Outcome.NOT_STARTED,
                "web: creating measure 'x' failed: boom; retrying next tick"), false);

        assertThat(line).isEqualTo("web: not started: creating measure 'x' failed: boom; retrying next tick");
    }
}
