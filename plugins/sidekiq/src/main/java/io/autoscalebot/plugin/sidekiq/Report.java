package io.autoscalebot.plugin.sidekiq;

import java.util.Locale;

/** What a measurement reports about the waiting jobs. */
enum Report {
    /** How many jobs wait, summed over the queues, in unit {@code jobs}. */
    SIZE("jobs"),
    /** How long the job that has waited longest has waited, in seconds: Sidekiq's queue latency. */
    LATENCY("s");

    private final String unit;

    Report(String unit) {
        this.unit = unit;
    }

    /** @return the unit of the measured value */
    String unit() {
        return unit;
    }

    /**
     * @param label {@code size} or {@code latency}, already checked against the setting's choices
     * @return the report
     */
    static Report fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
