package io.autoscalebot.api.notify;

import io.autoscalebot.api.Api;
import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a group, for people. Secrets are already redacted.
 *
 * <p>The engine implements this interface and hands notifications to notify plugins; plugin tests build one with
 * {@code autoscalebot-plugin-testkit}. Later API versions add methods to it, always with a default.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Notification {

    /** Whether a notification is a one-off event or the edge of a lasting condition. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    enum Phase {
        /** Happened once (a measurement, a scale). */
        EVENT,
        /** A condition began (stuck at max, a service down). */
        STARTED,
        /** A condition that had begun is over. */
        ENDED
    }

    /** @return what it is about */
    EventType type();

    /** @return the group's name */
    String group();

    /** @return when it happened, from the engine's clock */
    Instant time();

    /** @return whether it is a one-off event, or a condition that started or ended */
    Phase phase();

    /** @return one line for people: {@code web: scaled 2 -> 3 (3 of the last 3 measurements above 1200 ms)} */
    String message();

    /**
     * @return the facts behind the message, by name ({@code measurement}, {@code from}, {@code to}, {@code reason},
     *     ...), in a stable order; unmodifiable
     */
    Map<String, String> details();
}
