package io.autoscalebot.plugin.celeryredis;

import java.util.Locale;

/** What a measurement reports about the waiting tasks. */
enum Report {
    /** How many tasks wait, in unit {@code tasks}. */
    COUNT("tasks"),
    /** How long the task that has waited longest has waited, in seconds. */
    OLDEST_AGE("s");

    private final String unit;

    Report(String unit) {
        this.unit = unit;
    }

    /** @return the unit of the measured value */
    String unit() {
        return unit;
    }

    /** @return the value users write in configuration: {@code count} or {@code oldest_age} */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code count} or {@code oldest_age}, already checked against the setting's choices
     * @return the report
     */
    static Report fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
