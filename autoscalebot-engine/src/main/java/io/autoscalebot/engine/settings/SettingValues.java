package io.autoscalebot.engine.settings;

import io.autoscalebot.api.settings.SettingType;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw configuration value (a string, number, boolean or list, as TOML gives it) into the Java value its
 * {@link SettingType} promises a plugin, or says what was expected and what was found.
 */
public final class SettingValues {

    private SettingValues() {
    }

    /**
     * @param type the type wanted
     * @param raw a {@link String}, {@link Number}, {@link Boolean} or {@link List} as read from configuration
     * @return the typed value: {@link String}, {@link Integer}, {@link Double}, {@link Boolean}, {@link Duration},
     *     {@link URI}, {@code List<String>} or {@code List<Integer>}
     * @throws IllegalArgumentException with a message saying what was expected and what was found
     */
    public static Object coerce(SettingType type, Object raw) {
        switch (type) {
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
                    return DurationText.parse((String) raw);
                }
                break;
            case URI:
                if (raw instanceof String) {
                    return uri((String) raw);
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
                throw new AssertionError(type);
        }
        throw new IllegalArgumentException("expected " + (type == SettingType.INTEGER ? "an " : "a ") + type.label()
                + ", got " + describe(raw));
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException(
                        "expected an absolute URI with a scheme (like http://host/path), got '" + withoutPassword(text) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "expected a URI, got '" + withoutPassword(text) + "': " + e.getReason());
        }
    }

    /**
     * A URL's password must never reach a message, and a URL is quoted exactly when it is wrong, often because of its
     * password ({@code http://user:Pa^ss|word@host/} does not parse). So the password is masked however broken the
     * value: everything between the first {@code :} after {@code //user} and the last {@code @} shows as
     * {@code ****}. (The engine's redactor masks such passwords in all output too; this keeps plugin tests safe.)
     */
    static String withoutPassword(String text) {
        int authority = text.indexOf("//");
        int at = text.lastIndexOf('@');
        int colon = authority < 0 ? -1 : text.indexOf(':', authority + 2);
        if (authority < 0 || at < authority || colon < 0 || colon > at) {
            return text;
        }
        return text.substring(0, colon + 1) + "****" + text.substring(at);
    }

    private static boolean isWhole(Object raw) {
        return raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger;
    }

    private static int fits32Bits(Object raw) {
        // A BigInteger beyond 64 bits gives a wrong longValue(); compare it whole.
        BigInteger value = new BigInteger(raw.toString());
        if (value.bitLength() > 31) {
            throw new IllegalArgumentException("expected an integer that fits 32 bits, got " + raw);
        }
        return value.intValue();
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
        if (raw instanceof Map) {
            return "a table";
        }
        return raw.getClass().getSimpleName();
    }
}
