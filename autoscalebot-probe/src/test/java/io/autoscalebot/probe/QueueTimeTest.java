package io.autoscalebot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueTimeTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_764_640_800L));
    private final QueueTime queueTime = QueueTime.create(clock);

    // A Heroku header for a request that waited `millis` before the app saw it now.
    private String waited(long millis) {
        return Long.toString(clock.millis() - millis);
    }

    @Test
    void reportsNearestRankPercentilesAndTheMaximum() {
        for (int millis = 100; millis >= 1; millis--) {
            queueTime.begin(waited(millis)).close();
        }
        QueueTime.Snapshot snapshot = queueTime.snapshot();
        assertThat(snapshot.count()).isEqualTo(100);
        assertThat(snapshot.p50Millis()).isEqualTo(50.0);
        assertThat(snapshot.p95Millis()).isEqualTo(95.0);
        assertThat(snapshot.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void reportsZerosBeforeAnyRequest() {
        QueueTime.Snapshot snapshot = queueTime.snapshot();
        assertThat(snapshot.count()).isZero();
        assertThat(snapshot.p50Millis()).isZero();
        assertThat(snapshot.p95Millis()).isZero();
        assertThat(snapshot.maxMillis()).isZero();
        assertThat(snapshot.window()).isEqualTo(QueueTime.DEFAULT_WINDOW);
    }

    @Test
    void forgetsRequestsOlderThanTheWindow() {
        queueTime.begin(waited(900)).close();
        clock.advance(Duration.ofSeconds(30));
        queueTime.begin(waited(10)).close();
        assertThat(queueTime.snapshot().maxMillis()).isEqualTo(900.0);

        clock.advance(Duration.ofSeconds(31));
        QueueTime.Snapshot snapshot = queueTime.snapshot();
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.maxMillis()).isEqualTo(10.0);

        clock.advance(Duration.ofSeconds(30));
        assertThat(queueTime.snapshot().count()).isZero();
    }

    @Test
    void keepsOnlyTheNewestRequestsWhenTheWindowHoldsMoreThanItsCapacity() {
        QueueTime small = QueueTime.create(clock, Duration.ofMinutes(1), 3);
        for (long millis : new long[] {500, 400, 1, 2, 3}) {
            small.begin(waited(millis)).close();
        }
        QueueTime.Snapshot snapshot = small.snapshot();
        assertThat(snapshot.count()).isEqualTo(3);
        assertThat(snapshot.maxMillis()).isEqualTo(3.0);
    }

    @Test
    void countsClampedGarbageAndMissingHeadersApart() {
        queueTime.begin(Long.toString(clock.millis() + 40)).close();
        queueTime.begin("t=soon").close();
        queueTime.begin("12345").close();
        queueTime.begin(null).close();
        queueTime.begin(waited(20)).close();

        QueueTime.Snapshot snapshot = queueTime.snapshot();
        assertThat(snapshot.negativeClamped()).isEqualTo(1);
        assertThat(snapshot.garbageIgnored()).isEqualTo(2);
        assertThat(snapshot.withoutHeader()).isEqualTo(1);
        // The clamped request counts as 0 ms; garbage and missing headers are not queue times at all.
        assertThat(snapshot.count()).isEqualTo(2);
        assertThat(snapshot.p50Millis()).isZero();
        assertThat(snapshot.maxMillis()).isEqualTo(20.0);
    }

    @Test
    void countsRequestsInFlightUntilTheirHandleIsClosed() {
        QueueTime.InFlight first = queueTime.begin(null);
        QueueTime.InFlight second = queueTime.begin(waited(5));
        assertThat(queueTime.inFlight()).isEqualTo(2);
        assertThat(queueTime.snapshot().inFlight()).isEqualTo(2);

        first.close();
        first.close();
        assertThat(queueTime.inFlight()).isEqualTo(1);
        second.close();
        assertThat(queueTime.inFlight()).isZero();
    }

    @Test
    void refusesAnEmptyWindowOrCapacity() {
        assertThatThrownBy(() -> QueueTime.create(clock, Duration.ZERO, 10))
                .hasMessageContaining("window must be longer than zero");
        assertThatThrownBy(() -> QueueTime.create(clock, Duration.ofMinutes(1), 0))
                .hasMessageContaining("capacity must be at least 1");
    }
}
