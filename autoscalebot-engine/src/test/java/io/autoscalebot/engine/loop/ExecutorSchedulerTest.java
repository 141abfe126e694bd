package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final ExecutorScheduler scheduler = new ExecutorScheduler(1);

    @AfterEach
    void shutDown() {
        scheduler.shutdown(Duration.ofSeconds(1));
    }

    @Test
    void theNextRunIsOneIntervalAfterTheLastDueTimeWhenTheRunWasQuick() {
        assertThat(ExecutorScheduler.nextDue(100 * SECOND, 60 * SECOND, 101 * SECOND)).isEqualTo(160 * SECOND);
    }

    @Test
    void aRunThatOverranSkipsTheMissedBoundariesInsteadOfCatchingUp() {
        // given: a run due at 100 s with a 60 s interval ended at 250 s, so 160 s and 220 s were missed
        // then: the next run is at the first boundary after it ended, on the same grid
        assertThat(ExecutorScheduler.nextDue(100 * SECOND, 60 * SECOND, 250 * SECOND)).isEqualTo(280 * SECOND);
        assertThat(ExecutorScheduler.nextDue(100 * SECOND, 60 * SECOND, 220 * SECOND)).isEqualTo(220 * SECOND);
    }

    @Test
    void theGridSurvivesNanoTimeOverflow() {
        long due = Long.MAX_VALUE - 10;
        assertThat(ExecutorScheduler.nextDue(due, 60, due + 130)).isEqualTo(due + 180);
    }

    @Test
    void overdueRunsAfterASlowTickDoNotFireBackToBack() {
        // given: a 100 ms interval whose first run takes over three intervals
        long interval = Duration.ofMillis(100).toNanos();
        List<Long> starts = new CopyOnWriteArrayList<>();
        AtomicLong slowEnded = new AtomicLong();
        scheduler.every("web", Duration.ofNanos(interval), () -> {
            starts.add(System.nanoTime());
            if (starts.size() == 1) {
                // Simulates a slow plugin call; not a wait for something.
                long until = System.nanoTime() + 3 * interval + interval / 2;
                while (System.nanoTime() - until < 0) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
                slowEnded.set(System.nanoTime());
            }
        });

        // when
        Await.until("three runs", Duration.ofSeconds(10), () -> starts.size() >= 3);

        // then: at most one run follows within an interval of the slow one's end; a fixed rate would fire three
        assertThat(starts.get(2) - slowEnded.get())
                .as("nanoseconds between the slow run's end and the third run's start")
                .isGreaterThanOrEqualTo(interval);
    }
}
