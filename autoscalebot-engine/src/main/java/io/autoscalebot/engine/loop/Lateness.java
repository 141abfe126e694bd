package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How late the engine's ticks started (start minus due), engine-wide and per group.
 *
 * @param count how many ticks started
 * @param max the largest lateness
 * @param total the sum of all latenesses (with {@code count}, the mean)
 * @param bounds the histogram's bucket upper bounds (inclusive), ascending
 * @param counts ticks per bucket, not cumulative: one per bound, then one for what is above the last bound
 * @param lastByGroup each group's last tick's lateness, in configuration order; a group that has not ticked is absent
 */
public record Lateness(long count, Duration max, Duration total, List<Duration> bounds, List<Long> counts,
                       Map<String, Duration> lastByGroup) {

    /** Checks and copies the parts. */
    public Lateness {
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(total, "total");
        bounds = List.copyOf(bounds);
        counts = List.copyOf(counts);
        lastByGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastByGroup));
        if (counts.size() != bounds.size() + 1) {
            throw new IllegalArgumentException("one count per bound plus one, got " + counts.size() + " for "
                    + bounds.size() + " bounds");
        }
    }
}
