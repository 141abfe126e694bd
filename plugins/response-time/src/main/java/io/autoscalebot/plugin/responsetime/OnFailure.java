package io.autoscalebot.plugin.responsetime;

import java.util.Locale;

/** What a failed request counts as. */
enum OnFailure {
    /** A measurement of the timeout: the app looks as slow as it can be, so it scales up. */
    SLOW,
    /** A failed measurement: deciders hold and people are told. */
    FAIL;

    /** @return the name used in configuration */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the constant for a configuration value the schema has already checked */
    static OnFailure of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
