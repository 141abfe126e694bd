package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirstTicksTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @Test
    void firstTickOffsetsLieWithinTheIntervalAndAreSpreadOverIt() {
        // given: 10,000 groups named like the benchmark's
        int groups = 10_000;
        int[] perSecond = new int[30];
        for (int i = 1; i <= groups; i++) {
            Duration offset = FirstTicks.offset(String.format("g%05d", i), INTERVAL);
            // then: each is in [0, interval)
            assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(INTERVAL);
            perSecond[(int) offset.toSeconds()]++;
        }
        // and: no second of the interval holds more than twice its share (333): not all due at one instant
        for (int count : perSecond) {
            assertThat(count).isBetween(groups / 30 / 2, groups / 30 * 2);
        }
    }

    @Test
    void firstTickOffsetsDependOnlyOnTheNameAndIntervalSoARestartKeepsThePhase() {
        // Pinned from an earlier run: a change of hash would move every group's phase at the next restart.
        assertThat(FirstTicks.offset("web", INTERVAL)).isEqualTo(Duration.ofNanos(28_674_711_225L));
        assertThat(FirstTicks.offset(new String("web"), INTERVAL)).isEqualTo(FirstTicks.offset("web", INTERVAL));
        assertThat(FirstTicks.offset("g00001", INTERVAL)).isNotEqualTo(FirstTicks.offset("g00002", INTERVAL));
    }

    @Test
    void aLongIntervalSpreadsFirstTicksOverAMinuteAtMost() {
        for (int i = 1; i <= 1_000; i++) {
            assertThat(FirstTicks.offset("g" + i, Duration.ofMinutes(10))).isLessThan(FirstTicks.LIMIT);
        }
    }

    @Test
    void theEngineStartsEachGroupsFirstTickAtItsOffsetInVirtualTime() {
        // given: an engine with spread first ticks over a virtual scheduler, three groups of one interval
        ManualClock clock = new ManualClock(java.time.Instant.parse("2026-03-10T12:00:00Z"));
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        List<String> names = List.of("web", "worker", "api");
        List<String> ran = new ArrayList<>();
        for (String name : names) {
            Duration offset = FirstTicks.offset(name, INTERVAL);
            scheduler.every(name, offset, INTERVAL, late -> ran.add(name + "@" + clock.instant()));
        }
        // when: the first interval passes
        scheduler.advance(INTERVAL.minusNanos(1));
        // then: each group ran once, at start + its offset
        assertThat(ran).hasSize(3);
        for (String name : names) {
            assertThat(ran).contains(name + "@" + java.time.Instant.parse("2026-03-10T12:00:00Z")
                    .plus(FirstTicks.offset(name, INTERVAL)));
        }
        assertThat(Set.copyOf(ran)).hasSize(3);
    }
}
