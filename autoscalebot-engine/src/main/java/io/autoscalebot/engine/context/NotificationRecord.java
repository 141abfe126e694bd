package io.autoscalebot.engine.context;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A notification as the engine sends it.
 *
 * @param type what it is about
 * @param group the group's name
 * @param time when it happened
 * @param phase a one-off event, or a condition that started or ended
 * @param message one line for people
 * @param details the facts behind the message, in a stable order
 */
public record NotificationRecord(EventType type, String group, Instant time, Notification.Phase phase, String message,
                                 Map<String, String> details) implements Notification {

    /** Checks the parts and copies the details, keeping their order. */
    public NotificationRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
