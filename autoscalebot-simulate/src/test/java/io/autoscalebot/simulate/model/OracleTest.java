package io.autoscalebot.simulate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    void billsTheRealBootTimeNotWholeSteps() {
        // One process throughout; a second needed in steps 2 and 5 (a gap of 2 steps between).
        int[] demand = {1, 1, 2, 1, 1, 2};

        // A 40 s boot: 6 process-minutes for the first, 2 needed minutes for the second, a 40 s boot before step 2
        // and another before step 5 (the 120 s gap is longer than a boot, so it is stopped in between): 8 min 80 s.
        assertThat(Oracle.billedProcessHours(demand, MINUTE, Duration.ofSeconds(40)))
                .isCloseTo((8 * 60 + 80) / 3600.0, within(1e-12));
        // A 150 s boot outlasts the gap, so the second process is kept through it: 150 s before step 2, then 2 steps.
        assertThat(Oracle.billedProcessHours(demand, MINUTE, Duration.ofSeconds(150)))
                .isCloseTo((6 * 60 + 150 + 4 * 60) / 3600.0, within(1e-12));
        // Where the boot is whole steps, the bill is the planned supply's.
        assertThat(Oracle.billedProcessHours(demand, MINUTE, MINUTE))
                .isCloseTo(sum(Oracle.plan(demand, MINUTE, MINUTE)) / 60.0, within(1e-12));
    }

    @Test
    void replayIsBilledTheRealBootTime() {
        QueueModel queue = new QueueModel(1, Duration.ofSeconds(40));
        Demand demand = new Demand(queue, Duration.ofMillis(1500), 1);
        Trace trace = Trace.uniform("t", Instant.EPOCH, MINUTE, 30, 30, 150, 30);

        Provisioning oracle = Oracle.replay(trace, demand);

        int[] needed = demand.over(trace);
        assertThat(oracle.processHours()).isEqualTo(Oracle.billedProcessHours(needed, MINUTE, queue.boot()))
                .isLessThan(sum(Oracle.plan(needed, MINUTE, queue.boot())) / 60.0);
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
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
