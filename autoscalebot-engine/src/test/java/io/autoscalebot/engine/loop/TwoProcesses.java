package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import java.time.Duration;
import java.time.Instant;

/**
 * Two processes of one configuration, A and B, in virtual time: one clock, one lease store and one app they scale;
 * each its own scheduler (so one can be paused or killed while the other runs), log and notifier.
 */
final class TwoProcesses {

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    final MemoryLease store = new MemoryLease(clock);
    final FakeScale app = new FakeScale(1);
    final RecordingLogger logA = new RecordingLogger();
    final RecordingLogger logB = new RecordingLogger();
    final RecordingNotify toldA = new RecordingNotify();
    final RecordingNotify toldB = new RecordingNotify();
    final VirtualScheduler schedulerA = new VirtualScheduler(clock);
    final VirtualScheduler schedulerB = new VirtualScheduler(clock);

    /** Both processes run what is due, time moving on in steps of a second; A only while {@code aRuns}. */
    void run(Duration duration, boolean aRuns) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            schedulerB.advance(Duration.ofSeconds(1));
            if (aRuns) {
                schedulerA.runDue();
            }
        }
    }

    /** Stops the engines that were made, as the end of a test does. */
    static void stop(Engine... engines) {
        for (Engine engine : engines) {
            if (engine != null) {
                engine.stop(Duration.ofSeconds(5));
            }
        }
    }
}
