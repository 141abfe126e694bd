package io.autoscalebot.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Deadline;
import io.autoscalebot.engine.loop.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InstanceContextTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final InstanceContext context = new InstanceContext("web", clock, System.getLogger("test"),
            Path.of("state"), false, "acme", "2.3.0");

    @Test
    void theDeadlineIsThatOfTheCallInProgressAndNoneOutsideIt() throws Exception {
        assertThat(context.deadline().isNone()).isTrue();

        Deadline during = context.during(Duration.ofSeconds(5), context::deadline).call();

        assertThat(during.at()).isEqualTo(T0.plusSeconds(5));
        assertThat(context.deadline().isNone()).isTrue();
        assertThat(context.deadline().remaining()).isEqualTo(Deadline.UNBOUNDED);
    }

    @Test
    void theDeadlineIsMeasuredWithTheContextClockAndNeverGoesNegative() throws Exception {
        Deadline deadline = context.during(Duration.ofSeconds(5), () -> {
            clock.advance(Duration.ofSeconds(2));
            return context.deadline();
        }).call();

        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(3));
        assertThat(deadline.limit(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(3));
        assertThat(deadline.limit(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(deadline.passed()).isFalse();
        clock.advance(Duration.ofSeconds(4));
        assertThat(deadline.remaining()).isZero();
        assertThat(deadline.passed()).isTrue();
    }

    @Test
    void anAbandonedCallEndingLateLeavesTheNextCallsDeadlineInPlace() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> abandoned = CompletableFuture.runAsync(() -> {
            try {
                context.during(Duration.ofSeconds(1), () -> {
                    started.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                }).call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofSeconds(30));

        Deadline next = context.during(Duration.ofSeconds(5), () -> {
            release.countDown();
            abandoned.get(10, TimeUnit.SECONDS);
            return context.deadline();
        }).call();

        assertThat(next.at()).isEqualTo(T0.plusSeconds(35));
        assertThat(context.deadline().isNone()).isTrue();
    }

    @Test
    void givesThePluginItsOwnIdAndVersion() {
        assertThat(context.pluginId()).isEqualTo("acme");
        assertThat(context.pluginVersion()).isEqualTo("2.3.0");
        assertThat(context.toString()).contains("acme 2.3.0", "no deadline");
    }
}
