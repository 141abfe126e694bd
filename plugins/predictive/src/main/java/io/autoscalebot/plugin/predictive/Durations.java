package io.autoscalebot.plugin.predictive;

import java.time.Duration;

/** Durations in reasons and messages, written as users write them in the settings: {@code 15m}, {@code 1h30m}. */
final class Durations {

    private Durations() {
    }

    /** @return the duration as {@code 2d3h4m5s6ms}, leaving out parts that are 0; {@code 0s} for none */
    static String text(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return duration.isZero() ? "0s" : "-" + text(duration.negated());
        }
        StringBuilder text = new StringBuilder();
        part(text, duration.toDaysPart(), "d");
        part(text, duration.toHoursPart(), "h");
        part(text, duration.toMinutesPart(), "m");
        part(text, duration.toSecondsPart(), "s");
        part(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void part(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
