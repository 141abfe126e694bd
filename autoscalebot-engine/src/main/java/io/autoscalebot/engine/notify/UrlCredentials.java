package io.autoscalebot.engine.notify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The password of a URL with credentials ({@code scheme://user:password@host/}). Any setting may hold one, secret or
 * not, and it must never be shown, whether or not the URL is valid: a {@code ^}, a {@code |} or a space in a password
 * makes it unparsable, and that is exactly when a message would quote it.
 */
public final class UrlCredentials {

    /** A port right after the host, then a path: {@code host:8080/x?mail=a@b} holds no password. */
    private static final Pattern PORT_THEN_PATH = Pattern.compile("\\d+[/?#].*", Pattern.DOTALL);

    private UrlCredentials() {
    }

    /**
     * Reads a configuration value leniently as a URL: after {@code //}, a user up to the first {@code :}, and a
     * password up to the <em>last</em> {@code @}, so a password with an {@code @}, a {@code /} or a space in it is
     * found whole.
     *
     * @param value a configuration value
     * @return the texts to redact: the password as written and percent-decoded, and {@code user:password} (as Basic
     *     authentication sends it, Base64-encoded); empty when the value holds no password
     */
    public static Set<String> secretsIn(String value) {
        int authority = value.indexOf("//");
        int at = value.lastIndexOf('@');
        int colon = authority < 0 ? -1 : value.indexOf(':', authority + 2);
        if (authority < 0 || at < authority || colon < 0 || colon > at) {
            return Set.of();
        }
        String user = value.substring(authority + 2, colon);
        String password = value.substring(colon + 1, at);
        if (password.isEmpty() || user.matches(".*[/?#\\s].*") || PORT_THEN_PATH.matcher(password).matches()) {
            return Set.of();
        }
        Set<String> secrets = new LinkedHashSet<>();
        for (String form : List.of(password, percentDecoded(password))) {
            secrets.add(form);
            secrets.add(user + ":" + form);
            secrets.add(percentDecoded(user) + ":" + form);
        }
        return secrets;
    }

    /**
     * Marks the password of every URL with credentials in a line of output, for URLs the configuration did not
     * hold (a plugin's redirect, an address read from the environment). Strict, unlike {@link #secretsIn}: in free
     * text the password ends at a space, a {@code /} or the {@code @}.
     */
    static void mark(String line, BitSet hidden) {
        for (int scheme = line.indexOf("://"); scheme >= 0; scheme = line.indexOf("://", scheme + 3)) {
            int i = scheme + 3;
            while (i < line.length() && ":@/?# \t\r\n".indexOf(line.charAt(i)) < 0) {
                i++;
            }
            if (i >= line.length() || line.charAt(i) != ':') {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < line.length() && "@/?# \t\r\n".indexOf(line.charAt(end)) < 0) {
                end++;
            }
            if (end < line.length() && line.charAt(end) == '@' && end > start) {
                hidden.set(start, end);
            }
        }
    }

    /** @return the text with {@code %XX} sequences decoded as UTF-8 (not {@code +}: URLs keep it) */
    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (text.charAt(i) == '%' && low >= 0) {
                bytes.write(high << 4 | low);
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
