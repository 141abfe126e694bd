package io.autoscalebot.api.notify;

import io.autoscalebot.api.Api;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened to a group, for people. Secrets are already redacted.
 *
 * @param type what it is about
 * @param group the group's name
 * @param time when it happened, from the engine's clock
 * @param phase whether it is a one-off event, or a condition that started or ended
 * @param message one line for people: {@code web: scaled 2 -> 3 (3 of the last 3 measurements above 1200 ms)}
 * @param details the facts behind the message, by name ({@code measurement}, {@code from}, {@code to}, {@code reason},
 *     ...), in a stable order
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record Notification(EventType type, String group, Instant time, Phase phase, String message,
                           Map<String, String> details) {

    /** Whether a notification is a one-off event or the edge of a lasting condition. */
    public enum Phase {
        /** Happened once (a measurement, a scale). */
        EVENT,
        /** A condition began (stuck at max, a service down). */
        STARTED,
        /** A condition that had begun is over. */
        ENDED
    }

    /** Checks the parts and copies the details, keeping their order. */
    public Notification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
