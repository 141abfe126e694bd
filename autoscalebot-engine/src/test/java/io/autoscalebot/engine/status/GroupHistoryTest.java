package io.autoscalebot.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void keepsEachTicksValuesOldestFirstWithNaNForWhatIsNotKnown() {
        GroupHistory history = new GroupHistory(8, Duration.ofHours(6));
        history.add(T0, 1500, 2, 1, 4);
        history.add(T0.plusSeconds(30), Double.NaN, -1, -1, -1);

        GroupHistory.Snapshot snapshot = history.snapshot(T0.plusSeconds(60));

        assertThat(snapshot.times()).containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 30);
        assertThat(snapshot.measurements()).containsExactly(1500, Double.NaN);
        assertThat(snapshot.counts()).containsExactly(2, Double.NaN);
        assertThat(snapshot.mins()).containsExactly(1, Double.NaN);
        assertThat(snapshot.maxes()).containsExactly(4, Double.NaN);
    }

    @Test
    void neverHoldsMoreThanItsCapacityAndHalvesItsResolutionWhenFull() {
        GroupHistory history = new GroupHistory(8, Duration.ofHours(6));
        for (int i = 0; i < 8; i++) {
            history.add(T0.plusSeconds(i), i, i, 0, 10);
        }
        assertThat(history.size()).isEqualTo(8);
        assertThat(history.width()).isEqualTo(1);

        history.add(T0.plusSeconds(8), 8, 8, 0, 10);

        // Pairs merged to their later values, then the new point added.
        GroupHistory.Snapshot snapshot = history.snapshot(T0.plusSeconds(9));
        assertThat(history.width()).isEqualTo(2);
        assertThat(snapshot.counts()).containsExactly(1, 3, 5, 7, 8);
        assertThat(snapshot.times()).containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 2,
                T0.getEpochSecond() + 4, T0.getEpochSecond() + 6, T0.getEpochSecond() + 8);
    }

    @Test
    void aTickWithinTheNewestBucketReplacesItsValues() {
        GroupHistory history = new GroupHistory(4, Duration.ofHours(6));
        for (int i = 0; i < 5; i++) {
            history.add(T0.plusSeconds(i), i, i, 0, 10);
        }
        assertThat(history.width()).isEqualTo(2);

        history.add(T0.plusSeconds(5), 50, 5, 0, 10);

        GroupHistory.Snapshot snapshot = history.snapshot(T0.plusSeconds(6));
        assertThat(snapshot.counts()).containsExactly(1, 3, 5);
        assertThat(snapshot.measurements()).containsExactly(1, 3, 50);
    }

    @Test
    void aDayOfTicksEverySecondStaysWithinCapacityAndTheWindow() {
        GroupHistory history = new GroupHistory(GroupHistory.POINTS, Duration.ofHours(6));
        Instant last = T0;
        for (int i = 0; i < 86_400; i++) {
            last = T0.plusSeconds(i);
            history.add(last, i % 100, 1 + i % 7, 1, 8);
            assertThat(history.size()).isLessThanOrEqualTo(GroupHistory.POINTS);
        }

        GroupHistory.Snapshot snapshot = history.snapshot(last);
        assertThat(snapshot.times()[0]).isGreaterThanOrEqualTo(last.minus(Duration.ofHours(6)).getEpochSecond());
        // Still covers most of the window, not only its last minutes.
        assertThat(last.getEpochSecond() - snapshot.times()[0]).isGreaterThan(Duration.ofHours(5).toSeconds());
        assertThat(snapshot.times()[snapshot.times().length - 1]).isGreaterThan(last.getEpochSecond()
                - 2 * history.width());
    }

    @Test
    void pointsAndScalesOlderThanTheWindowAreLeftOut() {
        GroupHistory history = new GroupHistory(8, Duration.ofHours(1));
        history.add(T0, 1, 1, 1, 4);
        history.scaled(T0, 1, 2, "busy");
        history.add(T0.plus(Duration.ofMinutes(90)), 2, 2, 1, 4);
        history.scaled(T0.plus(Duration.ofMinutes(90)), 2, 3, "busier");

        GroupHistory.Snapshot snapshot = history.snapshot(T0.plus(Duration.ofMinutes(90)));

        assertThat(snapshot.counts()).containsExactly(2);
        assertThat(snapshot.events()).extracting(GroupHistory.Event::reason).containsExactly("busier");
    }

    @Test
    void keepsTheLastScalesWithTheirReasonsCut() {
        GroupHistory history = new GroupHistory();
        for (int i = 0; i < GroupHistory.EVENTS + 3; i++) {
            history.scaled(T0.plusSeconds(i), i, i + 1, "x".repeat(1000) + i);
        }

        GroupHistory.Snapshot snapshot = history.snapshot(T0.plusSeconds(60));

        assertThat(snapshot.events()).hasSize(GroupHistory.EVENTS);
        assertThat(snapshot.events().get(0).from()).isEqualTo(3);
        assertThat(snapshot.events()).allSatisfy(event ->
                assertThat(event.reason()).hasSize(GroupHistory.REASON_CHARS).endsWith("..."));
    }
}
