package io.autoscalebot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.Deadline;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestContextsTest {

    private static final Instant T0 = TestContexts.TIME;

    @TempDir
    Path state;

    @Test
    void aPluginContextHasUsableDefaultsAndCapturesWhatThePluginLogs() {
        TestPluginContext context = TestContexts.plugin().build();

        context.logger().log(Level.WARNING, "cannot reach {0}", "the app");
        context.logger().log(Level.INFO, "failed", new IllegalStateException("boom"));

        assertThat(context.group()).isEqualTo("web");
        assertThat(context.clock().instant()).isEqualTo(T0);
        assertThat(Files.isDirectory(context.stateDirectory())).isTrue();
        assertThat(context.dryRun()).isFalse();
        assertThat(context.pluginId()).isEqualTo("test-plugin");
        assertThat(context.pluginVersion()).isEqualTo("0.0.0");
        assertThat(context.logged()).containsExactly("WARNING cannot reach the app",
                "INFO failed java.lang.IllegalStateException: boom");
    }

    @Test
    void aPluginContextTakesWhatTheTestGives() {
        CapturingLogger logger = new CapturingLogger();
        TestPluginContext context = TestContexts.plugin().group("worker").stateDirectory(state).dryRun(true)
                .pluginId("acme").pluginVersion("2.0.1").logger(logger).build();

        context.logger().log(Level.INFO, "hello");

        assertThat(context.group()).isEqualTo("worker");
        assertThat(context.stateDirectory()).isEqualTo(state);
        assertThat(context.dryRun()).isTrue();
        assertThat(context.pluginId() + " " + context.pluginVersion()).isEqualTo("acme 2.0.1");
        assertThat(logger.lines()).containsExactly("INFO hello");
        assertThat(context.logged()).containsExactly("INFO hello");
        assertThatThrownBy(TestContexts.plugin().logger(System.getLogger("app")).build()::logged)
                .hasMessageContaining("this context logs to app, given by the test; read the lines from that logger");
    }

    @Test
    void theDeadlineIsNoneUntilSetAndMovesWithTheContextClock() {
        ManualClock clock = new ManualClock(T0);
        TestPluginContext context = TestContexts.plugin().clock(clock).build();

        assertThat(context.deadline().isNone()).isTrue();
        assertThat(context.deadline().remaining()).isEqualTo(Deadline.UNBOUNDED);

        context.deadlineIn(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));

        assertThat(context.deadline().at()).isEqualTo(T0.plusSeconds(10));
        assertThat(context.deadline().remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(context.deadline().limit(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(7));
        assertThat(context.deadline().passed()).isTrue();
        assertThat(context.deadline().remaining()).isZero();
        assertThat(context.noDeadline().deadline().isNone()).isTrue();
    }

    @Test
    void aDecideContextHoldsValuesSpacedToEndNowWhateverTheOrderOfTheCalls() {
        DecideContext context = TestContexts.decide().values("ms", 1340, 1502).spacing(Duration.ofSeconds(10))
                .now(T0).current(3).min(1).max(5).build();

        assertThat(context.history()).containsExactly(Measurement.of(T0.minusSeconds(10), 1340, "ms"),
                Measurement.of(T0, 1502, "ms"));
        assertThat(context.latest()).contains(Measurement.of(T0, 1502, "ms"));
        assertThat(context.current()).isEqualTo(3);
        assertThat(context.min()).isEqualTo(1);
        assertThat(context.max()).isEqualTo(5);
        assertThat(context.lastScale()).isEmpty();
        assertThat(context.recentScales()).isEmpty();
    }

    @Test
    void aLastScaleIsAlsoTheNewestRecentScaleAsTheEngineKeepsThem() {
        ScaleEvent first = TestContexts.scale(T0.minusSeconds(40), 1, 2);
        ScaleEvent second = TestContexts.scale(T0.minusSeconds(10), 2, 4);

        assertThat(TestContexts.decide().lastScale(second).build().recentScales()).containsExactly(second);
        DecideContext both = TestContexts.decide().recentScales(List.of(first, second)).build();
        assertThat(both.lastScale()).contains(second);
        assertThat(second.direction()).isEqualTo(ScaleEvent.Direction.UP);
    }

    @Test
    void refusesAContextTheEngineCouldNotHandOver() {
        assertThatThrownBy(() -> TestContexts.decide().min(5).max(3).build())
                .hasMessageContaining("min must be <= max");
        assertThatThrownBy(() -> TestContexts.scale(T0, 2, 2)).hasMessageContaining("a scale event changes the count");
    }

    @Test
    void aNotificationKeepsItsDetailsInOrder() {
        Notification notification = TestContexts.notification().type(EventType.ABOVE_MAX)
                .phase(Notification.Phase.STARTED).message("web: wants 12").detail("wanted", "12")
                .details(Map.of("max", "10")).build();

        assertThat(notification.type()).isEqualTo(EventType.ABOVE_MAX);
        assertThat(notification.group()).isEqualTo("web");
        assertThat(notification.time()).isEqualTo(T0);
        assertThat(notification.phase()).isEqualTo(Notification.Phase.STARTED);
        assertThat(notification.details()).containsExactly(Map.entry("wanted", "12"), Map.entry("max", "10"));
    }

    @Test
    void aManualClockMovesOnlyForwardAndOnlyWhenTold() {
        ManualClock clock = new ManualClock(T0);

        clock.advance(Duration.ofMinutes(1));

        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> clock.set(T0)).hasMessageContaining("a clock does not go back");
    }
}
