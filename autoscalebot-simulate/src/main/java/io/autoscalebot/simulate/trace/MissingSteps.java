package io.autoscalebot.simulate.trace;

/**
 * What a replay does with steps a trace has no row for (the NASA log's outage from 1995-08-01 14:51 to 08-03 04:37).
 */
public enum MissingSteps {
    /**
     * Each missing step is a step with no arrivals. Time stays continuous, so time-of-day min/max tables, cost per
     * hour and boot delays stay true, and the replay shows how a policy copes with traffic stopping and coming back.
     * The default.
     */
    ZERO,
    /**
     * Missing steps are skipped: the row after the gap follows the row before it directly, as if the outage never
     * happened. Keeps every step a real observation, at the price of a jump in wall-clock time.
     */
    GAP
}
