package io.autoscalebot.testkit;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.engine.context.ScaleRecord;
import java.time.Instant;

/**
 * Where plugin tests get what the engine hands a plugin, built as the engine builds it:
 * <pre>{@code
 * TestPluginContext context = TestContexts.plugin().clock(clock).stateDirectory(tempDir).build();
 * Measure measure = provider.create(TestSettings.resolve(provider, Map.of("url", url)), context);
 *
 * Decision decision = decide.decide(TestContexts.decide().current(2).values("ms", 1340, 1502, 1290).build());
 * notify.notify(TestContexts.notification().type(EventType.SCALE_FAILED).message("web: ...").build());
 * }</pre>
 */
public final class TestContexts {

    /** The time every builder starts from unless told otherwise: 2026-01-01T00:00:00Z. */
    public static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    private TestContexts() {
    }

    /**
     * @return a builder of a plugin instance's context: group {@code web}, a {@link ManualClock} at {@link #TIME}, a
     *     {@link CapturingLogger}, a fresh temporary state directory, not a dry run, plugin {@code test-plugin} version
     *     {@code 0.0.0}, no deadline until the test sets one
     */
    public static PluginContextBuilder plugin() {
        return new PluginContextBuilder();
    }

    /**
     * @return a builder of a decide plugin's context: group {@code web} at {@link #TIME}, 1 process running, min 0,
     *     max 100, no measurements, never scaled
     */
    public static DecideContextBuilder decide() {
        return new DecideContextBuilder();
    }

    /** @return a builder of a notification: a {@code SCALE} event of group {@code web} at {@link #TIME} */
    public static NotificationBuilder notification() {
        return new NotificationBuilder();
    }

    /**
     * @param time when the scale was made
     * @param from the count before
     * @param to the count after
     * @return a scale the engine made
     * @throws IllegalArgumentException if {@code from == to}: a scale changes the count
     */
    public static ScaleEvent scale(Instant time, int from, int to) {
        return new ScaleRecord(time, from, to);
    }
}
