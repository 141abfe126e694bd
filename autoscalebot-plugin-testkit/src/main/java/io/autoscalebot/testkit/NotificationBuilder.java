package io.autoscalebot.testkit;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.context.NotificationRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Notification} as the engine sends it; see {@link TestContexts#notification()} for the defaults. Not
 * thread safe; each {@link #build()} gives a new notification.
 */
public final class NotificationBuilder {

    private EventType type = EventType.SCALE;
    private String group = "web";
    private Instant time = TestContexts.TIME;
    private Notification.Phase phase = Notification.Phase.EVENT;
    private String message = "web: scaled 1 -> 2: busy";
    private final Map<String, String> details = new LinkedHashMap<>();

    NotificationBuilder() {
    }

    /** @return this builder, for a notification of that type */
    public NotificationBuilder type(EventType type) {
        this.type = Objects.requireNonNull(type, "type");
        return this;
    }

    /** @return this builder, for group {@code name} */
    public NotificationBuilder group(String name) {
        this.group = Objects.requireNonNull(name, "name");
        return this;
    }

    /** @return this builder, for something that happened at {@code time} */
    public NotificationBuilder time(Instant time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /** @return this builder, for a one-off event or the start or end of a condition */
    public NotificationBuilder phase(Notification.Phase phase) {
        this.phase = Objects.requireNonNull(phase, "phase");
        return this;
    }

    /** @return this builder, with that message (the engine starts it with the group's name) */
    public NotificationBuilder message(String message) {
        this.message = Objects.requireNonNull(message, "message");
        return this;
    }

    /** @return this builder, with the fact {@code name = value} added after the others */
    public NotificationBuilder detail(String name, String value) {
        details.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** @return this builder, with {@code details} added after the others, in their order */
    public NotificationBuilder details(Map<String, String> details) {
        details.forEach(this::detail);
        return this;
    }

    /** @return the notification */
    public Notification build() {
        return new NotificationRecord(type, group, time, phase, message, details);
    }
}
