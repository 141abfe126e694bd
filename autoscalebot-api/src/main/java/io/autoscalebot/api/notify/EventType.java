package io.autoscalebot.api.notify;

import io.autoscalebot.api.Api;

/**
 * What a notification is about. A group's {@code notify_on} names the types its notifiers receive.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public enum EventType {
    /** A measurement was taken. Frequent: off by default. */
    MEASUREMENT,
    /** The group was scaled. */
    SCALE,
    /** A scale call failed. */
    SCALE_FAILED,
    /** The decide plugin wanted fewer processes than the group's min (a condition: started, then ended). */
    BELOW_MIN,
    /** The decide plugin wanted more processes than the group's max (a condition: started, then ended). */
    ABOVE_MAX,
    /** More scales in one direction than allowed within a period (a condition: started, then ended). */
    TOO_RAPID,
    /** A measurement failed (a condition: started, then ended, so a service that stays down is told once). */
    MEASUREMENT_FAILED,
    /**
     * The group's plugins could not be created or set up, so the group does not run; retried every tick (a condition:
     * started, then ended when the group starts).
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    SETUP_FAILED,
    /**
     * Measurements failed so many times in a row that the group's fallback took over: it holds, or goes up to its
     * fallback count (a condition: started, then ended by the next successful measurement).
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    FALLBACK,
    /**
     * The {@code [leader]} lease store (Redis, a Kubernetes API server, a lease file) cannot be asked, so no instance
     * scales until it answers again (a condition: started, then ended when it answers). Not about one group: its
     * notification's {@link Notification#group() group} is {@code "leader"}, sent once per notifier configuration.
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    LEASE_STORE_DOWN
}
