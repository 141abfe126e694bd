package io.autoscalebot.plugin.targettracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecommendationWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void countsOnlyRecommendationsStrictlyAfterTheCutoff() {
        RecommendationWindow window = new RecommendationWindow();
        window.add(T0, 3, FIVE_MINUTES);
        window.add(T0.plusSeconds(60), 9, FIVE_MINUTES);

        assertThat(window.lowestAfter(T0, 5)).isEqualTo(5);
        assertThat(window.highestAfter(T0, 5)).isEqualTo(9);
        assertThat(window.lowestAfter(T0.minusNanos(1), 5)).isEqualTo(3);
        assertThat(window.highestAfter(T0.plusSeconds(60), 5)).isEqualTo(5);
    }

    @Test
    void forgetsRecommendationsNoWindowCanSeeWhenAdding() {
        RecommendationWindow window = new RecommendationWindow();
        for (int minute = 0; minute <= 5; minute++) {
            window.add(T0.plusSeconds(60L * minute), 10 + minute, FIVE_MINUTES);
        }
        // The one made exactly five minutes before the newest is at the cutoff, so out.
        assertThat(window.size()).isEqualTo(5);
        assertThat(window.lowestAfter(T0.minusSeconds(1), 99)).isEqualTo(11);
    }

    @Test
    void keepsEveryRecommendationOfAWindowLongerThanItsFirstArrays() {
        RecommendationWindow window = new RecommendationWindow();
        for (int second = 0; second < 100; second++) {
            window.add(T0.plusSeconds(second), second, Duration.ofHours(1));
        }

        assertThat(window.size()).isEqualTo(100);
        assertThat(window.lowestAfter(T0.minusSeconds(1), 1000)).isZero();
        assertThat(window.highestAfter(T0.minusSeconds(1), -1)).isEqualTo(99);
        assertThat(window.lowestAfter(T0.plusSeconds(49), 1000)).isEqualTo(50);
    }

    @Test
    void dropsExpiredRecommendationsAnywhereWhenTheClockWasSetBack() {
        RecommendationWindow window = new RecommendationWindow();
        window.add(T0.plusSeconds(600), 7, FIVE_MINUTES);
        window.add(T0, 2, FIVE_MINUTES);
        window.add(T0.plusSeconds(1000), 4, FIVE_MINUTES);

        // 600 s and 0 s are both at or before 1000 - 300 s: only the newest is left.
        assertThat(window.size()).isEqualTo(1);
        assertThat(window.highestAfter(T0.minusSeconds(1), 0)).isEqualTo(4);
    }

    /** The deque of records this replaced, as the reference: the same answers for any order of times. */
    @Test
    void answersAsTheListOfRecordsItReplacedForRandomTimes() {
        SplittableRandom random = new SplittableRandom(13);
        RecommendationWindow window = new RecommendationWindow();
        record Entry(Instant time, int count) {
        }
        List<Entry> reference = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 20_000; i++) {
            // Mostly forward by whole or part seconds, sometimes back (a clock set back).
            now = now.plusNanos(random.nextLong(-30_000_000_000L, 90_000_000_000L));
            Duration up = Duration.ofMillis(random.nextLong(0, 200_000));
            Duration down = Duration.ofMillis(random.nextLong(0, 400_000));
            int proposal = random.nextInt(0, 50);
            Instant upCutoff = now.minus(up);
            Instant downCutoff = now.minus(down);
            int lowest = proposal;
            int highest = proposal;
            for (Entry entry : reference) {
                if (entry.time().isAfter(upCutoff)) {
                    lowest = Math.min(lowest, entry.count());
                }
                if (entry.time().isAfter(downCutoff)) {
                    highest = Math.max(highest, entry.count());
                }
            }
            assertThat(window.lowestAfter(upCutoff, proposal)).isEqualTo(lowest);
            assertThat(window.highestAfter(downCutoff, proposal)).isEqualTo(highest);
            Duration longest = up.compareTo(down) >= 0 ? up : down;
            Instant cutoff = now.minus(longest);
            reference.removeIf(entry -> !entry.time().isAfter(cutoff));
            reference.add(new Entry(now, proposal));
            window.add(now, proposal, longest);
            assertThat(window.size()).isEqualTo(reference.size());
        }
    }
}
