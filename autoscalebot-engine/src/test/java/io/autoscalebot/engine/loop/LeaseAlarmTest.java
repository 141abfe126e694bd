package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.context.NotificationRecord;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.notify.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease store's outage is told within a third of the ttl, so telling it never makes the leader lose its lease. */
class LeaseAlarmTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final RecordingLogger log = new RecordingLogger();
    private final PluginCalls calls = new PluginCalls();

    @AfterEach
    void close() {
        calls.close();
    }

    /** A notifier that takes longer than the whole budget: the clock moves on while it is told. */
    private final class Slow implements Notify {
        @Override
        public void notify(Notification notification) {
            clock.advance(BUDGET.plusSeconds(1));
        }
    }

    @Test
    void notifiersLeftWhenTheBudgetIsSpentAreNotToldAndTheLogSaysSo() {
        TestGroups web = group(TestPlugins.notifier("slow", new Slow()));
        RecordingNotify after = new RecordingNotify();
        TestGroups worker = group(TestPlugins.notifier("recording", after));
        LeaseAlarm alarm = new LeaseAlarm(clock, calls, stateDir, name -> log, log, BUDGET);

        alarm.send(List.of(outage()), List.of(web.build("web"), worker.build("worker")), Redactor.of(Set.of()));

        assertThat(after.received).isEmpty();
        assertThat(log.lines()).anyMatch(line -> line.contains("recording") && line.contains("was not told")
                && line.contains("5s"));
    }

    @Test
    void withinTheBudgetEveryNotifierConfigurationIsToldOnce() {
        RecordingNotify shared = new RecordingNotify();
        TestGroups group = group(TestPlugins.notifier("recording", shared));
        LeaseAlarm alarm = new LeaseAlarm(clock, calls, stateDir, name -> log, log, BUDGET);

        alarm.send(List.of(outage()), List.of(group.build("web"), group.build("worker")), Redactor.of(Set.of()));

        assertThat(shared.of(EventType.LEASE_STORE_DOWN)).hasSize(1);
    }

    private TestGroups group(ComponentConfig notifier) {
        TestGroups group = new TestGroups();
        group.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1));
        group.decide = TestPlugins.decide("hold", context -> Decision.hold("steady"));
        group.scale = TestPlugins.scale("fake", new TestPlugins.FakeScale(1));
        group.notifiers = List.of(notifier);
        return group;
    }

    private NotificationRecord outage() {
        return new NotificationRecord(EventType.LEASE_STORE_DOWN, "leader", clock.instant(),
                Notification.Phase.STARTED, "leader: the lease store cannot be asked", Map.of());
    }
}
