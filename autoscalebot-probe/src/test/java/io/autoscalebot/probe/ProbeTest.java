package io.autoscalebot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeTest {

    // Generous: a check that is meant to pass must never time out because the machine is busy.
    private static final Duration PLENTY = Duration.ofSeconds(30);
    // Short: only ever used for a check that blocks until the test releases it, so it times out on any machine.
    private static final Duration SHORT = Duration.ofMillis(50);

    private final AtomicLong nanos = new AtomicLong();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungChecks() {
        release.countDown();
    }

    // A check that "takes" `millis` on the test's ticker.
    private Check taking(long millis) {
        return () -> nanos.addAndGet(millis * 1_000_000);
    }

    @Test
    void writesTheDocumentedJsonForPassingChecks() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_764_640_800L));
        QueueTime queueTime = QueueTime.create(clock);
        queueTime.begin(Long.toString(clock.millis() - 12)).close();
        queueTime.begin(null);
        Probe probe = Probe.builder().nanoTime(nanos::get)
                .check("database", PLENTY, taking(3))
                .check("cache", PLENTY, taking(1))
                .queueTime(queueTime)
                .build();

        ProbeResult result = probe.run();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.toJson()).isEqualTo("{\"ok\":true,\"total_ms\":4,\"checks\":{"
                + "\"database\":{\"ok\":true,\"ms\":3},\"cache\":{\"ok\":true,\"ms\":1}},"
                + "\"in_flight\":1,\"queue_time_ms\":{\"p50\":12,\"p95\":12,\"max\":12,\"count\":1,\"window_s\":60,"
                + "\"negative_clamped\":0,\"garbage_ignored\":0,\"without_header\":1}}");
    }

    @Test
    void leavesQueueTimeOutWithoutARecorder() {
        Probe probe = Probe.builder().nanoTime(nanos::get).check("disk", PLENTY, taking(2)).build();
        assertThat(probe.run().toJson())
                .isEqualTo("{\"ok\":true,\"total_ms\":2,\"checks\":{\"disk\":{\"ok\":true,\"ms\":2}}}");
    }

    @Test
    void skipsTheChecksWhenAskedForQueueTimeOnly() {
        AtomicBoolean ran = new AtomicBoolean();
        Probe probe = Probe.builder().check("database", PLENTY, () -> ran.set(true))
                .queueTime(QueueTime.create(new MutableClock(Instant.EPOCH))).build();

        ProbeResult result = probe.run(false);

        assertThat(ran).isFalse();
        assertThat(result.checks()).isEmpty();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.toJson()).contains("\"checks\":{}", "\"queue_time_ms\":{");
    }

    @Test
    void reportsAFailingCheckByItsClassOnlyAndStillRunsTheOthers() {
        Probe probe = Probe.builder().nanoTime(nanos::get)
                .check("database", PLENTY, () -> {
                    nanos.addAndGet(7_000_000);
                    throw new IOException("connection to db.internal:5432 as admin/hunter2 refused");
                })
                .check("cache", PLENTY, taking(1))
                .build();

        ProbeResult result = probe.run();

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.ok()).isFalse();
        assertThat(result.toJson()).isEqualTo("{\"ok\":false,\"total_ms\":8,\"checks\":{"
                + "\"database\":{\"ok\":false,\"ms\":7,\"error\":\"threw java.io.IOException\"},"
                + "\"cache\":{\"ok\":true,\"ms\":1}}}");
        assertThat(result.toJson()).doesNotContain("hunter2", "db.internal", "at io.autoscalebot");
    }

    @Test
    void reportsAHangingCheckAsTimedOutAndStillRunsTheOthers() {
        CountDownLatch interrupted = new CountDownLatch(1);
        Probe probe = Probe.builder()
                .check("database", SHORT, () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                })
                .check("cache", PLENTY, () -> { })
                .build();

        ProbeResult result = probe.run();

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.checks()).extracting(CheckResult::name).containsExactly("database", "cache");
        CheckResult database = result.checks().get(0);
        assertThat(database.error()).contains("timed out after 50 ms");
        assertThat(database.millis()).isGreaterThanOrEqualTo(50.0);
        assertThat(result.checks().get(1).ok()).isTrue();
        // The overrunning check is interrupted, so a check that waits properly gives its thread back.
        Eventually.until("the hung check was interrupted", () -> interrupted.getCount() == 0);
    }

    @Test
    void doesNotStartACheckAgainWhileItsTimedOutRunIgnoresTheInterrupt() {
        AtomicLong runs = new AtomicLong();
        AtomicBoolean returned = new AtomicBoolean();
        Probe probe = Probe.builder()
                .check("database", SHORT, () -> {
                    if (runs.incrementAndGet() == 1) {
                        awaitIgnoringInterrupts(release);
                    }
                    returned.set(true);
                })
                .build();

        assertThat(probe.run().checks().get(0).error()).contains("timed out after 50 ms");
        assertThat(probe.run().checks().get(0).error())
                .contains("skipped: its earlier run timed out and has not returned yet");
        assertThat(runs).hasValue(1);

        release.countDown();
        Eventually.until("the hung check returned", returned::get);
        Eventually.until("the check runs again", () -> probe.run().ok());
        assertThat(runs).hasValue(2);
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // ignored on purpose: this check stands for a driver that does not honour interrupts
            }
        }
    }

    @Test
    void refusesNamesThatAreNotPlainJsonPointerSegments() {
        Probe.Builder builder = Probe.builder();
        assertThatThrownBy(() -> builder.check("data/base", () -> { }))
                .hasMessageContaining("check name \"data/base\" must be 1 to 64 letters");
        assertThatThrownBy(() -> builder.check("", () -> { })).hasMessageContaining("must be 1 to 64");
        assertThatThrownBy(() -> builder.check("x".repeat(65), () -> { })).hasMessageContaining("must be 1 to 64");
    }

    @Test
    void refusesTwoChecksWithTheSameName() {
        Probe.Builder builder = Probe.builder().check("cache", () -> { });
        assertThatThrownBy(() -> builder.check("cache", () -> { }))
                .hasMessageContaining("a check named \"cache\" is already registered");
    }

    @Test
    void refusesATimeoutOfZero() {
        assertThatThrownBy(() -> Probe.builder().check("cache", Duration.ZERO, () -> { }))
                .hasMessageContaining("the timeout of check \"cache\" must be longer than zero");
    }
}
