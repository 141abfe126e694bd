package io.autoscalebot.engine.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds a control character in a secret, which no token, password or header value may hold (HTTP refuses it in a
 * header) and which usually comes from a trailing newline of a file or an {@code ${ENV}} variable. Named by its code and
 * position, never by quoting the secret around it.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /**
     * @param text a secret, or a message quoting one
     * @return {@code U+000A, a line feed, at character 41}, or empty when it holds none (a tab is allowed: HTTP allows it)
     */
    public static Optional<String> first(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return Optional.of(String.format(Locale.ROOT, "U+%04X%s, at character %d", (int) c, name(c), i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * @param setting the setting's name, {@code token} or {@code api_key}
     * @param where what {@link #first} found
     * @return {@code the token contains a control character (U+000A, a line feed, at character 41)}
     */
    public static String problem(String setting, String where) {
        return "the " + setting.replace('_', ' ') + " contains a control character (" + where + "), which no token "
                + "or password holds and an HTTP header cannot carry; remove it (a trailing newline from a file or "
                + "an ${ENV} variable is the usual cause)";
    }

    private static String name(char c) {
        return switch (c) {
            case '\n' -> ", a line feed";
            case '\r' -> ", a carriage return";
            case 0 -> ", a NUL";
            default -> "";
        };
    }
}
