package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notification.Phase;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.notify.EventSchedule;
import io.autoscalebot.engine.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notifier's time-of-day {@code notify_on} in virtual time: ABOVE_MAX by e-mail only from 8:00 to 18:00 in the group's
 * zone, the console always.
 */
class NotifierScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T00:00:00Z"));
    private final RecordingLogger log = new RecordingLogger();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final RecordingNotify console = new RecordingNotify();
    private final RecordingNotify email = new RecordingNotify();
    private Engine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aboveMaxAt759IsNotEmailedButAt800ItIsAndTheConsoleHearsBoth() {
        start();

        aboveMaxStartsAt(LocalTime.of(7, 59));
        aboveMaxStartsAt(LocalTime.of(8, 0));

        assertThat(startedAt(console)).containsExactly(LocalTime.of(7, 59), LocalTime.of(8, 0));
        assertThat(startedAt(email)).containsExactly(LocalTime.of(8, 0));
    }

    @Test
    void theEmailWindowClosesAt1800AndWrapsPastMidnight() {
        start();

        aboveMaxStartsAt(LocalTime.of(17, 59));
        aboveMaxStartsAt(LocalTime.of(18, 0));
        aboveMaxStartsAt(LocalTime.of(0, 30));

        assertThat(startedAt(console)).containsExactly(LocalTime.of(17, 59), LocalTime.of(18, 0),
                LocalTime.of(0, 30));
        assertThat(startedAt(email)).containsExactly(LocalTime.of(17, 59));
    }

    private void start() {
        TestGroups web = new TestGroups();
        web.zone = BERLIN;
        web.max = CountSchedule.fixed(4);
        web.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        web.decide = TestPlugins.decide("test-decide", context -> busy.get()
                ? Decision.scaleTo(context.current() + 5, "busy") : Decision.hold("calm"));
        web.scale = TestPlugins.scale("fake", new FakeScale(4));
        TreeMap<LocalTime, Set<EventType>> office = new TreeMap<>(Map.of(
                LocalTime.of(8, 0), Set.of(EventType.ABOVE_MAX),
                LocalTime.of(18, 0), Set.of()));
        web.notifiers = List.of(TestPlugins.notifier("console", console),
                TestPlugins.notifier("email", email).withEvents(new EventSchedule(office)));
        engine = new Engine(TestGroups.engine(stateDir, Set.of(), web.build("web")), clock, new VirtualScheduler(clock),
                new FileStateStore(stateDir, log), EngineOptions.DEFAULT.withLoggers(name -> log));
    }

    /** One tick at that local time in Berlin wanting more than max, then one calm tick a minute later to end it. */
    private void aboveMaxStartsAt(LocalTime time) {
        LocalDateTime day = LocalDateTime.of(2026, 3, clock.instant().atZone(BERLIN).getDayOfMonth() + 1, 0, 0);
        clock.set(day.with(time).atZone(BERLIN).toInstant());
        busy.set(true);
        engine.runOnce();
        clock.advance(Duration.ofMinutes(1));
        busy.set(false);
        engine.runOnce();
    }

    private static List<LocalTime> startedAt(RecordingNotify notify) {
        return notify.of(EventType.ABOVE_MAX).stream().filter(n -> n.phase() == Phase.STARTED)
                .map(Notification::time).map(t -> t.atZone(BERLIN).toLocalTime()).toList();
    }
}
