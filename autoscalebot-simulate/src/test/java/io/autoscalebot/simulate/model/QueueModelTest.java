package io.autoscalebot.simulate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueModelTest {

    private static final QueueModel ONE_PER_SECOND = new QueueModel(1, Duration.ZERO);

    @Test
    void erlangCMatchesHandComputedAndTableValues() {
        // c=2, a=1: B(1) = 1/2, B(2) = (1/2)/(2 + 1/2) = 1/5, C = 2(1/5) / (2 - 1(4/5)) = 1/3.
        assertThat(QueueModel.erlangC(2, 1)).isCloseTo(1.0 / 3, within(1e-12));
        // Erlang C tables: 10 agents offered 8 erlangs wait with probability 0.4092.
        assertThat(QueueModel.erlangC(10, 8)).isCloseTo(0.4092, within(1e-4));
        // One server: C = a (M/M/1).
        assertThat(QueueModel.erlangC(1, 0.5)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void erlangCStaysFiniteAndOrderedForThousandsOfServers() {
        // a^c / c! overflows a double long before c = 5000; the recurrence must not.
        double heavy = QueueModel.erlangC(5000, 4950);
        double roomier = QueueModel.erlangC(5100, 4950);

        assertThat(heavy).isStrictlyBetween(0.0, 1.0);
        assertThat(roomier).isStrictlyBetween(0.0, heavy);
    }

    @Test
    void everyRequestWaitsWhenTheLoadReachesTheServers() {
        assertThat(QueueModel.erlangC(3, 3)).isEqualTo(1);
        assertThat(ONE_PER_SECOND.responseTime(3, 3)).isInfinite();
    }

    @Test
    void responseTimeIsServiceTimePlusTheMeanWait() {
        // W = 1/mu + C / (c mu - lambda) = 1 + (1/3) / (2 - 1) = 4/3 s.
        assertThat(ONE_PER_SECOND.responseTime(2, 1)).isCloseTo(4.0 / 3, within(1e-12));
        // M/M/1 at mu = 10/s, lambda = 5/s: W = 1 / (mu - lambda) = 0.2 s.
        assertThat(new QueueModel(10, Duration.ZERO).responseTime(1, 5)).isCloseTo(0.2, within(1e-12));
        assertThat(ONE_PER_SECOND.responseTime(2, 0)).isEqualTo(1);
    }

    @Test
    void findsTheFewestServersMeetingAResponseTime() {
        // lambda = 1/s, mu = 1/s: c = 1 is unstable, c = 2 gives 4/3 s; c = 3 gives
        // 1 + C(3,1)/2 with B(3) = 0.2/3.2 = 0.0625, C = 0.1875/2.0625 = 0.0909: 1.045 s.
        assertThat(ONE_PER_SECOND.fewestServers(1, 1.5)).isEqualTo(2);
        assertThat(ONE_PER_SECOND.fewestServers(1, 1.3)).isEqualTo(3);
        assertThat(ONE_PER_SECOND.fewestServers(0, 1.3)).isZero();
    }

    @Test
    void refusesAResponseTimeBelowTheServiceTime() {
        assertThatThrownBy(() -> new QueueModel(10, Duration.ZERO).fewestServers(5, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a response time of 50 ms cannot be met: one request alone takes 1/mu = 100 ms");
    }

    @Test
    void utilisationIsArrivalsOverCapacityWithoutACap() {
        assertThat(ONE_PER_SECOND.utilisation(4, 2)).isEqualTo(0.5);
        // Overloaded: 7 requests/s on one process of 1/s reads 7, not 1, so a policy sees how far behind it is.
        assertThat(ONE_PER_SECOND.utilisation(1, 7)).isEqualTo(7);
        assertThat(ONE_PER_SECOND.utilisation(2, 7)).isEqualTo(3.5);
        // With nothing serving, the load as one process would carry it.
        assertThat(ONE_PER_SECOND.utilisation(0, 3)).isEqualTo(3);
        assertThat(ONE_PER_SECOND.utilisation(0, 0)).isZero();
    }

    @Test
    void aWorkerBacklogGrowsBeyondCapacityAndDrains() {
        Duration tenSeconds = Duration.ofSeconds(10);
        // 2 workers at 1 task/s, 5 tasks/s for 10 s: (5 - 2) x 10 = 30 waiting.
        double grown = ONE_PER_SECOND.backlogAfter(0, 2, 5, tenSeconds);
        // Nothing arrives for 10 s: 30 - 2 x 10 = 10 left, then empty, never negative.
        double drained = ONE_PER_SECOND.backlogAfter(grown, 2, 0, tenSeconds);
        double empty = ONE_PER_SECOND.backlogAfter(drained, 2, 0, tenSeconds);

        assertThat(grown).isEqualTo(30);
        assertThat(drained).isEqualTo(10);
        assertThat(empty).isZero();
        // A task queued behind 10 others with 2 workers waits 10 / 2 = 5 s, then takes 1 s.
        assertThat(ONE_PER_SECOND.backlogResponseTime(drained, 2)).isEqualTo(6);
        assertThat(ONE_PER_SECOND.backlogResponseTime(drained, 0)).isInfinite();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new QueueModel(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mu must be a number of requests per second greater than 0");
    }
}
