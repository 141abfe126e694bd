package io.autoscalebot.engine.notify;

import io.autoscalebot.api.notify.EventType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which events a group's notifiers receive, and when scaling counts as too rapid.
 *
 * @param notifyOn the event types sent to the group's notifiers
 * @param tooRapidScales more than this many scales in one direction within {@code tooRapidPeriod} is TOO_RAPID
 * @param tooRapidPeriod the window for {@code tooRapidScales}
 */
public record NotifyRules(Set<EventType> notifyOn, int tooRapidScales, Duration tooRapidPeriod) {

    /**
     * The original's defaults (its 0.3 documentation): of its events only ABOVE_MAX is on (NOTIFY_IF_NEEDS_EXCEED_MAX);
     * MEASUREMENT, SCALE, BELOW_MIN and TOO_RAPID are off; more than 5 scales one way within 1 minute is too rapid. The
     * failure events (SCALE_FAILED, MEASUREMENT_FAILED, SETUP_FAILED), FALLBACK and LEASE_STORE_DOWN are new and on,
     * because an operator must hear when scaling or measuring stops working.
     */
    public static final NotifyRules DEFAULTS = new NotifyRules(
            EnumSet.of(EventType.ABOVE_MAX, EventType.SCALE_FAILED, EventType.MEASUREMENT_FAILED,
                    EventType.SETUP_FAILED, EventType.FALLBACK, EventType.LEASE_STORE_DOWN), 5,
            Duration.ofMinutes(1));

    /** Checks and copies. */
    public NotifyRules {
        Objects.requireNonNull(tooRapidPeriod, "tooRapidPeriod");
        notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
        if (tooRapidScales < 1) {
            throw new IllegalArgumentException("too_rapid_scales must be >= 1, got " + tooRapidScales);
        }
        if (tooRapidPeriod.isNegative() || tooRapidPeriod.isZero()) {
            throw new IllegalArgumentException("too_rapid_period must be > 0, got " + tooRapidPeriod);
        }
    }
}
