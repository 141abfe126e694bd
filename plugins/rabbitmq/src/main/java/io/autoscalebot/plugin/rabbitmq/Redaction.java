package io.autoscalebot.plugin.rabbitmq;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the password from text that came from elsewhere (a response body, an exception message) before it reaches a
 * message, in every form it travels in: as typed, percent-encoded (in a URL or form), JSON-escaped, and Base64 (inside
 * the Basic {@code Authorization} header, which a proxy or a debugging endpoint may echo).
 */
final class Redaction {

    static final String MASK = "****";

    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-F]{2}");

    private final List<String> forms;

    private Redaction(List<String> forms) {
        this.forms = forms;
    }

    /**
     * @param username the user name, which is not secret but is part of the Base64 form
     * @param password the password
     * @return the redaction of that password
     */
    static Redaction of(String username, String password) {
        if (password.isEmpty()) {
            return new Redaction(List.of());
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(password);
        String formEncoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        String pathEncoded = formEncoded.replace("+", "%20");
        for (String encoded : List.of(formEncoded, pathEncoded)) {
            forms.add(encoded);
            forms.add(lowerCaseEscapes(encoded));
        }
        String jsonEscaped = new String(JsonStringEncoder.getInstance().quoteAsString(password));
        forms.add(jsonEscaped);
        forms.add(jsonEscaped.replace("/", "\\/")); // JSON may escape '/', and some writers do
        for (String secret : List.of(username + ":" + password, password)) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().encodeToString(bytes));
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        }
        List<String> longestFirst = new ArrayList<>(forms);
        // A longer form may contain a shorter one (the Base64 of user:password holds no password, but an encoded
        // password holds most of the plain one): replacing the longest first leaves no fragment behind.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(longestFirst));
    }

    /** {@code %2F} and {@code %2f} are the same escape; servers echo either. */
    private static String lowerCaseEscapes(String encoded) {
        return ESCAPE.matcher(encoded).replaceAll(match -> match.group().toLowerCase(Locale.ROOT));
    }

    /**
     * @param text text that may hold the password
     * @return the text with every known form of the password as {@code ****}
     */
    String scrub(String text) {
        String scrubbed = text;
        for (String form : forms) {
            scrubbed = scrubbed.replace(form, MASK);
        }
        return scrubbed;
    }
}
