package io.autoscalebot.engine.config;

import java.util.OptionalInt;

/**
 * What a group does when its measurements keep failing: {@code [groups.NAME.fallback]}, like KEDA's fallback. Without
 * the table the decide plugin sees the failed readings and holds, as it always did ({@link #NONE}). With it, after
 * {@code after} failed readings in a row the engine stops asking the decide plugin and holds, or goes up to
 * {@code processes}; it never scales down on missing data, so a fallback count below the current one holds.
 *
 * @param after how many failed readings in a row engage the fallback, 1 or more; 0 for none
 * @param processes the count to go up to; empty to hold
 */
public record Fallback(int after, OptionalInt processes) {

    /** No fallback: the decide plugin sees every failed reading. */
    public static final Fallback NONE = new Fallback(0, OptionalInt.empty());

    /** The default {@code after} when the table leaves it out. */
    public static final int DEFAULT_AFTER = 3;

    /** Checks the parts. */
    public Fallback {
        if (after < 0) {
            throw new IllegalArgumentException("after must be >= 0, got " + after);
        }
        if (processes.isPresent() && processes.getAsInt() < 0) {
            throw new IllegalArgumentException("processes must be >= 0, got " + processes.getAsInt());
        }
    }

    /** @return true when {@code failedInARow} failed readings engage this fallback */
    public boolean engages(int failedInARow) {
        return after > 0 && failedInARow >= after;
    }
}
