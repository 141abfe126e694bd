package io.autoscalebot.engine.notify;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notification.Phase;
import io.autoscalebot.engine.context.NotificationRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what happened to one group into the notifications its notifiers receive: only types in {@code notify_on} go
 * out, conditions only on their edges, every text redacted and prefixed with the group's name
 * ({@code web: scaled 2 -> 3: ...}). Conditions are tracked even when their type is not notified, so turning a type on
 * later does not replay an old edge.
 */
public final class NotificationPolicy {

    private final String group;
    private final NotifyRules rules;
    private final Redactor redactor;
    private final Conditions conditions;
    /** The rules' event types as a bit set: asked on every tick, for each event, of a simulation too. */
    private final Set<EventType> notifyOn;

    /**
     * @param group the group's name
     * @param rules the group's {@code notify_on} and too-rapid limits
     * @param redactor masks secrets
     * @param activeConditions the conditions on when the engine last stopped
     */
    public NotificationPolicy(String group, NotifyRules rules, Redactor redactor, Set<EventType> activeConditions) {
        this.group = Objects.requireNonNull(group, "group");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.conditions = new Conditions(activeConditions);
        this.notifyOn = rules.notifyOn().isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(rules.notifyOn());
    }

    /**
     * A one-off event (a measurement, a scale, a failed scale).
     *
     * @param message what happened, without the group's name
     * @return the notification to send, or empty when its type is not notified
     */
    public Optional<Notification> event(EventType type, Instant time, String message, Map<String, String> details) {
        if (Conditions.TYPES.contains(type)) {
            throw new IllegalArgumentException(type + " is a condition; use condition(...)");
        }
        return build(type, time, Phase.EVENT, message, details);
    }

    /**
     * Whether a condition holds on this tick.
     *
     * @param whenStarted the message if it starts now, without the group's name
     * @param whenEnded the message if it ends now, without the group's name
     * @return the notification for a start or an end that is notified, else empty
     */
    public Optional<Notification> condition(EventType type, boolean on, Instant time, String whenStarted,
                                            String whenEnded, Map<String, String> details) {
        return conditions.update(type, on)
                .flatMap(phase -> build(type, time, phase, phase == Phase.STARTED ? whenStarted : whenEnded, details));
    }

    /**
     * Whether a {@link #condition} call would start or end that condition, so a caller can skip building its messages
     * on the many ticks where nothing changes.
     *
     * @return true when the condition's state differs from {@code on}
     */
    public boolean changes(EventType type, boolean on) {
        return conditions.isOn(type) != on;
    }

    /** @return whether events of that type go out at all ({@code notify_on}) */
    public boolean notifies(EventType type) {
        return notifyOn.contains(type);
    }

    /** @return the conditions on now, to keep across restarts */
    public Set<EventType> activeConditions() {
        return conditions.active();
    }

    private Optional<Notification> build(EventType type, Instant time, Phase phase, String message,
                                         Map<String, String> details) {
        if (!notifyOn.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(redactor.redact(new NotificationRecord(type, group, time, phase, group + ": " + message,
                details)));
    }
}
