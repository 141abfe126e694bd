package io.autoscalebot.engine;

import io.autoscalebot.engine.settings.DurationText;
import java.time.Duration;

/**
 * Durations as autoscale.toml writes them ({@code 250ms}, {@code 30s}, {@code 1h30m}), so the command line reads and
 * prints them exactly as the configuration does.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * @param text a duration such as {@code "30s"} or {@code "1h30m"}
     * @return the duration
     * @throws IllegalArgumentException with a message saying what is expected, if the text is not a duration
     */
    public static Duration parse(String text) {
        return DurationText.parse(text);
    }

    /**
     * @param duration a duration that is not negative
     * @return its text, as {@link #parse} reads it
     */
    public static String format(Duration duration) {
        return DurationText.format(duration);
    }
}
