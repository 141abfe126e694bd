package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.notify.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ticks since the last summary line ({@code --log-summary}): how many by outcome, and how late they started, over
 * the {@link LatenessMeter#BOUNDS} buckets (so memory does not grow with groups) plus the exact largest. At 10,000
 * groups the per-tick lines are DEBUG; this one INFO line per period is what says the engine keeps up. Thread safe.
 */
final class TickTally {

    private final long[] outcomes = new long[TickReport.Outcome.values().length];
    private final long[] buckets = new long[LatenessMeter.BOUNDS.size() + 1];
    private long count;
    private long maxNanos;

    /** Counts one tick that started {@code late} and ended with {@code outcome}. */
    synchronized void record(TickReport.Outcome outcome, Duration late) {
        long nanos = Math.max(0, late.toNanos());
        outcomes[outcome.ordinal()]++;
        count++;
        maxNanos = Math.max(maxNanos, nanos);
        int bucket = 0;
        while (bucket < LatenessMeter.BOUNDS.size() && nanos > LatenessMeter.BOUNDS.get(bucket).toNanos()) {
            bucket++;
        }
        buckets[bucket]++;
    }

    /**
     * Takes the figures so far and starts counting afresh.
     *
     * @param period the time the figures cover, for the line
     * @return the summary line and its fields (for a structured log)
     */
    synchronized Line drain(Duration period) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("period_s", period.toSeconds());
        fields.put("ticks", count);
        for (TickReport.Outcome outcome : TickReport.Outcome.values()) {
            fields.put(outcome.name().toLowerCase(java.util.Locale.ROOT), outcomes[outcome.ordinal()]);
        }
        String p50 = percentile(0.50);
        String p99 = percentile(0.99);
        fields.put("lateness_p50", p50);
        fields.put("lateness_p99", p99);
        fields.put("lateness_max_ms", maxNanos / 1_000_000);
        String text = "summary of the last " + Durations.human(period) + ": " + count + " ticks ("
                + outcomes[TickReport.Outcome.HELD.ordinal()] + " held, "
                + outcomes[TickReport.Outcome.SCALED.ordinal()] + " scaled, "
                + outcomes[TickReport.Outcome.FAILED.ordinal()] + " failed, "
                + outcomes[TickReport.Outcome.NOT_STARTED.ordinal()] + " not started); started late by p50 " + p50
                + ", p99 " + p99 + ", max " + maxNanos / 1_000_000 + " ms";
        java.util.Arrays.fill(outcomes, 0);
        java.util.Arrays.fill(buckets, 0);
        count = 0;
        maxNanos = 0;
        return new Line(text, fields);
    }

    /** @return the bucket the quantile falls in, as {@code <= 100 ms} (or {@code > 30 s}); {@code n/a} with no tick */
    private String percentile(double quantile) {
        if (count == 0) {
            return "n/a";
        }
        long rank = (long) Math.ceil(quantile * count);
        long seen = 0;
        List<Duration> bounds = LatenessMeter.BOUNDS;
        for (int i = 0; i < bounds.size(); i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return "<= " + Durations.human(bounds.get(i));
            }
        }
        return "> " + Durations.human(bounds.get(bounds.size() - 1));
    }

    /** A summary line and the same figures as fields. */
    record Line(String text, Map<String, Object> fields) {
    }
}
