package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The words of the engine's own log lines, tick summaries and notifications, each seen wrong in real output. */
class EngineMessagesTest {

    private static final String FAILURE = "GET http://127.0.0.1:9/health: connection refused";

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final RecordingNotify notes = new RecordingNotify();
    private Engine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    private TestGroups web(Decide decide) {
        TestGroups web = new TestGroups();
        web.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        web.decide = TestPlugins.decide("test-decide", decide);
        web.scale = TestPlugins.scale("fake", new FakeScale(2));
        web.notifiers = List.of(TestPlugins.notifier("recording", notes));
        return web;
    }

    private Engine engine(TestGroups web) {
        engine = new Engine(TestGroups.engine(stateDir, Set.of(), web.build("web")), clock, scheduler,
                new FileStateStore(stateDir, log), EngineOptions.DEFAULT.withLoggers(name -> log));
        return engine;
    }

    @Test
    void aFailedMeasurementIsSaidOnceInTheTickSummaryEvenWhenDecideRepeatsIt() {
        TestGroups web = web(context -> Decision.hold("the latest measurement failed: "
                + context.history().get(context.history().size() - 1).failure()));
        web.measure = TestPlugins.measure("down", () -> Measurement.failed(clock.instant(), FAILURE));

        TickReport report = engine(web).runOnce().get(0);

        assertThat(report.summary()).doesNotContain("measured failed")
                .isEqualTo("web: current 2, hold: the latest measurement failed: " + FAILURE);
    }

    @Test
    void aFailedMeasurementThatDecideDoesNotMentionIsStillInTheSummary() {
        TestGroups web = web(context -> Decision.hold("steady"));
        web.measure = TestPlugins.measure("down", () -> Measurement.failed(clock.instant(), FAILURE));

        TickReport report = engine(web).runOnce().get(0);

        assertThat(report.summary()).isEqualTo("web: current 2, measurement failed: " + FAILURE + ", hold: steady");
    }

    @Test
    void wantingOneProcessIsSingular() {
        TestGroups web = web(context -> Decision.scaleTo(1, "busy"));
        web.min = CountSchedule.fixed(0);
        web.max = CountSchedule.fixed(0);
        web.scale = TestPlugins.scale("fake", new FakeScale(0));

        engine(web).runOnce();

        assertThat(notes.of(EventType.ABOVE_MAX)).singleElement().extracting(Notification::message).asString()
                .startsWith("web: wants 1 process, more than max 0");
    }

    @Test
    void aNotificationThatCouldNotBeDeliveredIsNamedWithItsType() {
        TestGroups web = web(context -> Decision.scaleTo(20, "busy"));
        web.notifiers = List.of(TestPlugins.notifier("broken", notification -> {
            throw new PluginException("SMTP server said no");
        }));

        engine(web).runOnce();

        assertThat(log.lines()).anyMatch(line -> line.contains(
                "web: notify 'broken' could not deliver the ABOVE_MAX notification: SMTP server said no"))
                .noneMatch(line -> line.contains("deliver a "));
    }

    @Test
    void stoppingIsLoggedAtInfoWithTheReason() {
        engine(web(context -> Decision.hold("steady"))).start();

        engine.stop(Duration.ofSeconds(1), "SIGTERM");

        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO stopping (SIGTERM): running ticks get 1 s"));
    }
}
