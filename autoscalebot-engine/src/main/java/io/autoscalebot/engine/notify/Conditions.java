package io.autoscalebot.engine.notify;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification.Phase;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which lasting conditions (BELOW_MIN, ABOVE_MAX, TOO_RAPID, MEASUREMENT_FAILED, SETUP_FAILED, FALLBACK) are on for
 * one group, so each is told once when it starts and once when it ends instead of on every tick. Not thread safe: one group ticks at a time.
 */
public final class Conditions {

    /** The event types that are conditions rather than one-off events. */
    public static final Set<EventType> TYPES = Set.copyOf(
            EnumSet.of(EventType.BELOW_MIN, EventType.ABOVE_MAX, EventType.TOO_RAPID, EventType.MEASUREMENT_FAILED,
                    EventType.SETUP_FAILED, EventType.FALLBACK));

    private final EnumSet<EventType> active = EnumSet.noneOf(EventType.class);

    /** @param active the conditions on when the engine last stopped, so a restart does not tell them again */
    public Conditions(Set<EventType> active) {
        active.stream().filter(TYPES::contains).forEach(this.active::add);
    }

    /**
     * Records whether a condition holds now.
     *
     * @param type one of {@link #TYPES}
     * @param on whether it holds now
     * @return {@link Phase#STARTED} or {@link Phase#ENDED} when it changed, else empty
     */
    public Optional<Phase> update(EventType type, boolean on) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(type + " is an event, not a condition");
        }
        if (on && active.add(type)) {
            return Optional.of(Phase.STARTED);
        }
        if (!on && active.remove(type)) {
            return Optional.of(Phase.ENDED);
        }
        return Optional.empty();
    }

    /** @return whether that condition is on now */
    public boolean isOn(EventType type) {
        return active.contains(type);
    }

    /** @return the conditions on now */
    public Set<EventType> active() {
        return active.isEmpty() ? Set.of() : Set.copyOf(active);
    }
}
