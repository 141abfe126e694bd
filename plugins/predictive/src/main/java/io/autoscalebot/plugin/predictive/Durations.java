package io.autoscalebot.plugin.predictive;

import java.time.Duration;

/** Durations as people write them in {@code autoscale.toml}, for reasons and messages. */
final class Durations {

    private Durations() {
    }

    /** @return {@code 90s}, {@code 5m} or {@code 1h} */
    static String text(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds > 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
