package io.autoscalebot.api.settings;

import io.autoscalebot.api.Api;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a setting, and how a raw configuration value (a string, number, boolean or list as TOML gives it) becomes a
 * typed value.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public enum SettingType {
    /** Text, as a {@link String}. */
    STRING("string"),
    /** A whole number, as an {@link Integer}. */
    INTEGER("integer"),
    /** A number, as a {@link Double}; TOML integers are accepted. */
    NUMBER("number"),
    /** {@code true} or {@code false}, as a {@link Boolean}. */
    BOOLEAN("boolean"),
    /**
     * A {@link Duration}: a string such as {@code "250ms"}, {@code "30s"}, {@code "5m"}, {@code "1h30m"}, {@code "2d"}, or
     * a whole number of seconds.
     */
    DURATION("duration"),
    /** An absolute URI, as a {@link URI}. */
    URI("uri"),
    /** A list of strings, as a {@code List<String>}; a single string is read as a list of one. */
    STRING_LIST("list of strings"),
    /** A list of whole numbers, as a {@code List<Integer>}; a single integer is read as a list of one. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    INTEGER_LIST("list of integers");

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final String label;

    SettingType(String label) {
        this.label = label;
    }

    /** @return the name shown to users in docs and messages */
    public String label() {
        return label;
    }

    /**
     * Converts a raw configuration value to this type.
     *
     * @param raw a {@link String}, {@link Number}, {@link Boolean} or {@link List} as read from configuration
     * @return the typed value
     * @throws IllegalArgumentException with a message saying what was expected and what was found
     */
    public Object coerce(Object raw) {
        switch (this) {
            case STRING:
                if (raw instanceof String) {
                    return raw;
                }
                break;
            case INTEGER:
                if (isWhole(raw)) {
                    return fits32Bits(raw);
                }
                break;
            case NUMBER:
                if (raw instanceof Number) {
                    double value = ((Number) raw).doubleValue();
                    if (Double.isNaN(value) || Double.isInfinite(value)) {
                        throw new IllegalArgumentException("expected a finite number, got " + raw);
                    }
                    return value;
                }
                break;
            case BOOLEAN:
                if (raw instanceof Boolean) {
                    return raw;
                }
                break;
            case DURATION:
                if (raw instanceof Integer || raw instanceof Long) {
                    long seconds = ((Number) raw).longValue();
                    if (seconds < 0) {
                        throw new IllegalArgumentException("expected a duration >= 0, got " + raw);
                    }
                    return Duration.ofSeconds(seconds);
                }
                if (raw instanceof String) {
                    return parseDuration((String) raw);
                }
                break;
            case URI:
                if (raw instanceof String) {
                    try {
                        java.net.URI uri = new java.net.URI((String) raw);
                        if (!uri.isAbsolute()) {
                            throw new IllegalArgumentException("expected an absolute URI with a scheme (like"
                                    + " http://host/path), got '" + withoutPassword((String) raw) + "'");
                        }
                        return uri;
                    } catch (URISyntaxException e) {
                        throw new IllegalArgumentException(
                                "expected a URI, got '" + withoutPassword((String) raw) + "': " + e.getReason());
                    }
                }
                break;
            case STRING_LIST:
                if (raw instanceof String) {
                    return List.of((String) raw);
                }
                if (raw instanceof List) {
                    List<String> values = new ArrayList<>();
                    for (Object item : (List<?>) raw) {
                        if (!(item instanceof String)) {
                            throw new IllegalArgumentException("expected a list of strings, found item " + describe(item));
                        }
                        values.add((String) item);
                    }
                    return List.copyOf(values);
                }
                break;
            case INTEGER_LIST:
                if (isWhole(raw)) {
                    return List.of(fits32Bits(raw));
                }
                if (raw instanceof List) {
                    List<Integer> values = new ArrayList<>();
                    for (Object item : (List<?>) raw) {
                        if (!isWhole(item)) {
                            throw new IllegalArgumentException("expected a list of integers, found item " + describe(item));
                        }
                        values.add(fits32Bits(item));
                    }
                    return List.copyOf(values);
                }
                break;
            default:
                throw new AssertionError(this);
        }
        throw new IllegalArgumentException("expected " + article() + " " + label + ", got " + describe(raw));
    }

    /**
     * Parses a duration such as {@code "250ms"}, {@code "30s"}, {@code "5m"}, {@code "1h30m"} or {@code "2d"}.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException if the text is not a duration
     */
    public static Duration parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION_PART.matcher(trimmed);
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
     * Writes a duration the way {@link #parseDuration} reads it, so messages and docs show what a user would type:
     * {@code "250ms"}, {@code "30s"}, {@code "1h30m"}, {@code "2d"}, {@code "0s"}.
     *
     * @param duration a duration that is not negative
     * @return its text
     * @throws IllegalArgumentException if the duration is negative
     */
    public static String formatDuration(Duration duration) {
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

    private static boolean isWhole(Object raw) {
        return raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger;
    }

    private static int fits32Bits(Object raw) {
        // A BigInteger beyond 64 bits gives a wrong longValue(); compare it whole.
        java.math.BigInteger value = new java.math.BigInteger(raw.toString());
        if (value.bitLength() > 31) {
            throw new IllegalArgumentException("expected an integer that fits 32 bits, got " + raw);
        }
        return value.intValue();
    }

    /**
     * A URL's password must never reach a message, and a URL is quoted exactly when it is wrong, often because of its
     * password ({@code http://user:Pa^ss|word@host/} does not parse). So the password is masked however broken the
     * value: everything between the first {@code :} after {@code //user} and the last {@code @} shows as
     * {@code ****}. (The engine masks such passwords in its own output too; this keeps plugin tests and other callers
     * of {@code coerce} safe.)
     */
    private static String withoutPassword(String text) {
        int authority = text.indexOf("//");
        int at = text.lastIndexOf('@');
        int colon = authority < 0 ? -1 : text.indexOf(':', authority + 2);
        if (authority < 0 || at < authority || colon < 0 || colon > at) {
            return text;
        }
        return text.substring(0, colon + 1) + "****" + text.substring(at);
    }

    private String article() {
        return this == INTEGER ? "an" : "a";
    }

    private static String describe(Object raw) {
        if (raw == null) {
            return "nothing";
        }
        if (raw instanceof String) {
            return "the string \"" + withoutPassword((String) raw) + "\"";
        }
        if (raw instanceof Boolean) {
            return "the boolean " + raw;
        }
        if (raw instanceof Number) {
            return "the number " + raw;
        }
        if (raw instanceof List) {
            return "a list";
        }
        if (raw instanceof java.util.Map) {
            return "a table";
        }
        return raw.getClass().getSimpleName();
    }
}
