package io.autoscalebot.engine.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in {@code autoscale.toml} and on the command line: {@code "250ms"}, {@code "30s"},
 * {@code "5m"}, {@code "1h30m"}, {@code "2d"}. The one reader and the one writer, so messages and docs show what a user
 * would type.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {
    }

    /**
     * @param text a duration such as {@code "250ms"}, {@code "30s"}, {@code "5m"}, {@code "1h30m"} or {@code "2d"}
     * @return the duration
     * @throws IllegalArgumentException if the text is not a duration, saying how to write one
     */
    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "ms": total = total.plusMillis(amount); break;
                case "s": total = total.plusSeconds(amount); break;
                case "m": total = total.plusMinutes(amount); break;
                case "h": total = total.plusHours(amount); break;
                default: total = total.plusDays(amount); break;
            }
            end = matcher.end();
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException(
                    "expected a duration like \"250ms\", \"30s\", \"5m\" or \"1h30m\", got \"" + text + "\"");
        }
        return total;
    }

    /**
     * @param duration a duration that is not negative
     * @return its text as {@link #parse} reads it: {@code "250ms"}, {@code "30s"}, {@code "1h30m"}, {@code "0s"}
     * @throws IllegalArgumentException if the duration is negative
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration to write must be >= 0, got " + duration);
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        appendPart(text, duration.toDaysPart(), "d");
        appendPart(text, duration.toHoursPart(), "h");
        appendPart(text, duration.toMinutesPart(), "m");
        appendPart(text, duration.toSecondsPart(), "s");
        appendPart(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void appendPart(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
