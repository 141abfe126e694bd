package io.autoscalebot.plugin.webhook;

import io.autoscalebot.api.PluginException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One extra request header, written {@code "Name: value"} like curl's {@code -H}. Values are secrets (an
 * {@code Authorization} token, an API key), so no message repeats one.
 *
 * @param name the header name
 * @param value the value, after {@code ${ENV}} expansion
 */
record Header(String name, String value) {

    /**
     * Headers the HTTP client sets itself and refuses from callers, and the body's type, which is always JSON.
     */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "content-type");

    /** RFC 9110 token characters, the only ones a header name may have. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    /**
     * @param item one entry of the {@code headers} setting
     * @param position its position in the list, from 1, for messages
     * @return the header
     * @throws PluginException naming the header (or its position) and what to fix, never quoting its value
     */
    static Header parse(String item, int position) throws PluginException {
        int colon = item.indexOf(':');
        if (colon < 0) {
            throw new PluginException("setting 'headers': item " + position + " must be written \"Name: value\", like "
                    + "\"Authorization: Bearer ${HOOK_TOKEN}\"");
        }
        String name = item.substring(0, colon).strip();
        String value = item.substring(colon + 1).strip();
        if (name.isEmpty() || !name.chars().allMatch(Header::isTokenChar)) {
            throw new PluginException("setting 'headers': item " + position + " has no valid header name before its "
                    + "colon (letters, digits and - only), like \"X-Api-Key: ${HOOK_KEY}\"");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new PluginException("setting 'headers': header '" + name + "' is set by autoscalebot itself "
                    + "(the body is JSON, sent over HTTP/1.1); remove it");
        }
        if (value.isEmpty()) {
            throw new PluginException("setting 'headers': header '" + name + "' has an empty value; if it comes from "
                    + "an environment variable, that variable is empty");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new PluginException("setting 'headers': the value of header '" + name + "' contains a line break or "
                    + "another control character, which HTTP does not allow; check where the value comes from");
        }
        if (value.contains("${")) {
            throw new PluginException("setting 'headers': the value of header '" + name + "' still holds a \"${\": "
                    + "autoscalebot replaces ${NAME} with the environment variable NAME when it reads the "
                    + "configuration, so write ${HOOK_TOKEN}, not $${HOOK_TOKEN}");
        }
        return new Header(name, value);
    }

    /** Shows the name only. */
    @Override
    public String toString() {
        return name + ": ****";
    }

    /**
     * @return the value, and what of it a server may echo alone: the credentials after the scheme word
     *     ({@code Bearer TOKEN}), and for {@code Basic} the decoded {@code user:password} and password
     */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(value);
        int space = value.indexOf(' ');
        if (space > 0) {
            String credentials = value.substring(space + 1).strip();
            secrets.add(credentials);
            if (value.substring(0, space).equalsIgnoreCase("basic")) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                    secrets.add(decoded);
                    secrets.add(decoded.substring(decoded.indexOf(':') + 1));
                } catch (IllegalArgumentException e) {
                    // Not Base64: the value itself is already a secret.
                }
            }
        }
        return secrets;
    }

    private static boolean isTokenChar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0);
    }
}
