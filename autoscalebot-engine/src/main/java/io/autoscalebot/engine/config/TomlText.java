package io.autoscalebot.engine.config;

import io.autoscalebot.engine.settings.DurationText;
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
            return quote(DurationText.format((Duration) value));
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(TomlText::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return quote(String.valueOf(value));
    }

    /** @return the text as a TOML basic string */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
