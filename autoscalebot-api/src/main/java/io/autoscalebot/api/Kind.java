package io.autoscalebot.api;

/**
 * The roles a plugin can play: four in a group's loop, and the leader lease of the whole configuration.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public enum Kind {
    /** Measures how loaded a group is. */
    MEASURE,
    /** Decides from recent measurements whether to scale up, down or hold. */
    DECIDE,
    /** Reads and changes a group's process count. */
    SCALE,
    /** Tells people what happened. */
    NOTIFY,
    /**
     * Holds the lease that makes one of several instances on a configuration the leader: only the leader measures,
     * decides, scales and notifies. Configured in {@code [leader]}, not in a group.
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    LEASE;

    /** @return the name used in configuration and output: {@code measure}, {@code decide}, ... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
