package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueFloorTest {

    private static final QueueFloor WEB = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0);

    @Test
    void isTheFewestProcessesWhoseMeanResponseMeetsTheGoal() {
        for (double busy = 0.1; busy < 60; busy += 0.37) {
            int floor = WEB.processesFor(busy, 0);

            assertThat(QueueFloor.responseInServiceTimes(floor, busy)).as("at %s busy", busy).isLessThanOrEqualTo(2.5);
            assertThat(QueueFloor.responseInServiceTimes(floor - 1, busy)).as("one fewer at %s busy", busy)
                    .isGreaterThan(2.5);
        }
    }

    @Test
    void matchesTheTextbookQueues() {
        // M/M/1 at half load: W = S / (1 - 0.5) = 2 S, within 2.5 S, so one process.
        assertThat(WEB.processesFor(0.5, 0)).isEqualTo(1);
        // One busy process: M/M/1 would never empty; M/M/2 waits C(2, 1) = 1/3, so W = S (1 + (1/3) / 1) = 1.33 S.
        assertThat(WEB.processesFor(1, 0)).isEqualTo(2);
        assertThat(QueueFloor.responseInServiceTimes(2, 1)).isCloseTo(1 + 1.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        // At many processes queueing pays off: 100 busy need far fewer than 100 / 0.9 processes.
        assertThat(WEB.processesFor(100, 0)).isBetween(101, 108);
    }

    @Test
    void headroomPlansForMoreLoadThanNow() {
        QueueFloor roomy = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0.5, 0);

        assertThat(roomy.processesFor(20, 0)).isEqualTo(WEB.processesFor(30, 0));
    }

    @Test
    void aCapLimitsWhatHeadroomAndSpreadAdd() {
        QueueFloor guarded = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0.5, 2);

        assertThat(guarded.planned(20, 3, 4)).isEqualTo(24);
        assertThat(guarded.planned(20, 3, Double.POSITIVE_INFINITY)).isEqualTo(36);
        assertThat(guarded.planned(20, 3, 100)).isEqualTo(36);
    }

    @Test
    void spreadWeightPlansForThatManySwingsOfTheLoad() {
        QueueFloor noiseAware = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 2);

        assertThat(noiseAware.processesFor(20, 3)).isEqualTo(WEB.processesFor(26, 0));
        assertThat(noiseAware.processesFor(20, 0)).isEqualTo(WEB.processesFor(20, 0));
    }

    @Test
    void refusesANegativeSpreadWeight() {
        assertThatThrownBy(() -> new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, -1))
                .hasMessageContaining("floor_spread must be 0 or more");
    }

    @Test
    void asksForNothingWhenOffOrIdle() {
        assertThat(QueueFloor.OFF.processesFor(50, 0)).isZero();
        assertThat(WEB.processesFor(0, 0)).isZero();
    }

    @Test
    void refusesAGoalNoLongerThanOneRequest() {
        assertThatThrownBy(() -> new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(200), 0, 0))
                .hasMessageContaining("response_goal must be longer than service_time");
    }
}
