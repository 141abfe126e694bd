package io.autoscalebot.engine.notify;

import java.time.Duration;

/** Durations written the way people read them in messages: {@code 200 ms}, {@code 30 s}, {@code 60 min}. */
public final class Durations {

    private Durations() {
    }

    /** @return the duration in the largest unit that divides it: {@code 1 h}, {@code 90 s}, {@code 200 ms} */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + " min";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }
}
