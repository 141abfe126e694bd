package io.autoscalebot.plugin.local;

import java.util.Locale;

/** Where a copy's stdout and stderr go. */
enum Output {
    /** Appended to {@code copy-INDEX.log} in the plugin's state directory. */
    FILE,
    /** Mixed into autoscalebot's own stdout and stderr. */
    INHERIT;

    /** @return the name used in configuration */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the constant for a configuration value the schema has already checked */
    static Output of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
