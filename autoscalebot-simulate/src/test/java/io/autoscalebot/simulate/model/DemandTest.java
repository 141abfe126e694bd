package io.autoscalebot.simulate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemandTest {

    private static final QueueModel ONE_PER_SECOND = new QueueModel(1, Duration.ZERO);

    @Test
    void isTheFewestProcessesThatMeetTheSlo() {
        Demand demand = new Demand(ONE_PER_SECOND, Duration.ofMillis(1300), 1);

        // See QueueModelTest: at 1 request/s, 2 processes give 1.333 s and 3 give 1.045 s.
        assertThat(demand.processesFor(1)).isEqualTo(3);
        assertThat(demand.processesFor(0)).isEqualTo(1);
    }

    @Test
    void followsATraceStepByStep() {
        Demand demand = new Demand(ONE_PER_SECOND, Duration.ofMillis(1500), 0);
        // Per-minute counts 0, 60 and 120 are 0, 1 and 2 requests/s.
        Trace trace = Trace.uniform("t", Instant.EPOCH, Duration.ofMinutes(1), 0, 60, 120);

        // 1/s needs 2 (1.333 s); 2/s: c = 3 gives 1 + C(3,2)/(3-2) = 1 + 0.444 = 1.444 s.
        assertThat(demand.over(trace)).containsExactly(0, 2, 3);
    }

    @Test
    void refusesAnSloNoProcessCountCanMeet() {
        assertThatThrownBy(() -> new Demand(ONE_PER_SECOND, Duration.ofMillis(800), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a response time of 800 ms cannot be met");
    }
}
