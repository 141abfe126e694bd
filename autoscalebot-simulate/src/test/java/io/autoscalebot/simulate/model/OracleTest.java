package io.autoscalebot.simulate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OracleTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void startsEachProcessBootTimeBeforeItIsNeeded() {
        int[] demand = {1, 1, 3, 1, 1, 2};

        // Boot of 2 steps: s(t) = max d(t..t+2) = max(1,1,3), max(1,3,1), max(3,1,1), max(1,1,2), max(1,2), 2.
        assertThat(Oracle.plan(demand, MINUTE, Duration.ofSeconds(120))).containsExactly(3, 3, 3, 2, 2, 2);
        // A boot of part of a step still needs the whole step ahead.
        assertThat(Oracle.plan(demand, MINUTE, Duration.ofSeconds(10))).containsExactly(1, 3, 3, 1, 2, 2);
    }

    @Test
    void runsExactlyTheDemandWhenProcessesStartInstantly() {
        int[] demand = {2, 5, 1, 4};

        assertThat(Oracle.plan(demand, MINUTE, Duration.ZERO)).containsExactly(demand);
    }

    @Test
    void neverBreaksTheSlo() {
        QueueModel queue = new QueueModel(1, Duration.ofMinutes(2));
        Demand demand = new Demand(queue, Duration.ofMillis(1500), 1);
        Trace trace = Trace.uniform("t", Instant.EPOCH, MINUTE, 60, 600, 60, 1200, 0, 300);

        Provisioning oracle = Oracle.replay(trace, demand);

        for (int t = 0; t < trace.size(); t++) {
            assertThat(oracle.responseSeconds(t)).isLessThanOrEqualTo(1.5);
            assertThat(oracle.supply(t)).isGreaterThanOrEqualTo(oracle.demand(t));
        }
    }
}
