package io.autoscalebot.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How late the autoscaler's ticks started (start minus when they were due): the engine's own measure of whether it
 * keeps up, for a status page and a {@code autoscalebot_tick_lateness_seconds} histogram.
 *
 * @param count how many scheduled ticks started
 * @param max the largest lateness
 * @param total the sum of all latenesses
 * @param bounds the histogram's bucket upper bounds (inclusive), ascending
 * @param counts ticks per bucket, not cumulative: one per bound, then one for what is above the last bound
 * @param lastByGroup each group's last tick's lateness, in configuration order; a group not ticked yet is absent
 */
public record TickLateness(long count, Duration max, Duration total, List<Duration> bounds, List<Long> counts,
                           Map<String, Duration> lastByGroup) {

    /** Copies the parts. */
    public TickLateness {
        bounds = List.copyOf(bounds);
        counts = List.copyOf(counts);
        lastByGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lastByGroup));
    }
}
