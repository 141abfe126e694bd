package io.autoscalebot.api;

/**
 * The four roles a plugin can play in a group's loop.
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
    NOTIFY;

    /** @return the name used in configuration and output: {@code measure}, {@code decide}, ... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
