package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);

    @Test
    void runsDueTicksInTimeOrderAtTheirOwnInstant() {
        List<String> runs = new ArrayList<>();
        scheduler.every("a", Duration.ofSeconds(30), () -> runs.add("a@" + clock.instant().getEpochSecond() % 3600));
        scheduler.every("b", Duration.ofSeconds(45), () -> runs.add("b@" + clock.instant().getEpochSecond() % 3600));

        scheduler.advance(Duration.ofSeconds(90));

        assertThat(runs).containsExactly("a@0", "b@0", "a@30", "b@45", "a@60", "a@90", "b@90");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
    }

    @Test
    void aCancelledTaskNoLongerRuns() {
        List<Instant> runs = new ArrayList<>();
        Scheduler.Scheduled task = scheduler.every("a", Duration.ofMinutes(1), () -> runs.add(clock.instant()));
        scheduler.runDue();
        task.cancel();

        scheduler.advance(Duration.ofMinutes(5));

        assertThat(runs).hasSize(1);
    }

    @Test
    void theClockNeverGoesBack() {
        assertThatThrownBy(() -> clock.set(Instant.parse("2025-12-31T23:59:59Z")))
                .hasMessageContaining("a clock does not go back");
    }
}
