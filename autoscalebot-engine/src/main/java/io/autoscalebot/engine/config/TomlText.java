package io.autoscalebot.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes values the way a user writes them in {@code autoscale.toml}, for docs and messages: {@code "30s"},
 * {@code ["a", "b"]}, {@code "http://x"}, {@code 3}, {@code true}.
 */
final class TomlText {

    private TomlText() {
    }

    /** @return the value in TOML syntax */
    static String of(Object value) {
        if (value instanceof Duration) {
            return quote(duration((Duration) value));
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(TomlText::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return quote(String.valueOf(value));
    }

    /** @return the duration as a user writes it: {@code 30s}, {@code 1h30m}, {@code 250ms}, {@code 0s} */
    static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }

    /** @return the text as a TOML basic string */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
