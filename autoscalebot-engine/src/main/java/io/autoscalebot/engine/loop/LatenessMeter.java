package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's own lateness: for every tick, how long after it was due it started. Kept as a count, the largest, the
 * total and a histogram over fixed buckets (so memory does not grow with ticks or groups), for a status page or a
 * Prometheus histogram to read. Thread safe.
 */
final class LatenessMeter {

    /** The upper bounds of the histogram buckets; one more bucket counts what is above the last. */
    static final List<Duration> BOUNDS = List.of(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final long[] buckets = new long[BOUNDS.size() + 1];
    private long count;
    private long maxNanos;
    private long totalNanos;

    /** Records one tick that started {@code late} after it was due. */
    synchronized void record(Duration late) {
        long nanos = Math.max(0, late.toNanos());
        count++;
        maxNanos = Math.max(maxNanos, nanos);
        totalNanos += nanos;
        int bucket = 0;
        while (bucket < BOUNDS.size() && nanos > BOUNDS.get(bucket).toNanos()) {
            bucket++;
        }
        buckets[bucket]++;
    }

    /** @return the figures so far, with each group's last lateness as given */
    synchronized Lateness snapshot(Map<String, Duration> lastByGroup) {
        List<Long> counts = new ArrayList<>();
        for (long bucket : buckets) {
            counts.add(bucket);
        }
        return new Lateness(count, Duration.ofNanos(maxNanos), Duration.ofNanos(totalNanos), BOUNDS, counts,
                lastByGroup);
    }
}
