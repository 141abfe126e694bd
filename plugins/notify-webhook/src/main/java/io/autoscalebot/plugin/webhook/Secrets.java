package io.autoscalebot.plugin.webhook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets in text a server sent back, in every form a server is likely to echo them: as written, JSON-escaped
 * (with or without {@code \/}, with non-ASCII as {@code \}{@code uXXXX}) and percent-encoded (either case of hex, space
 * as {@code +} or {@code %20}).
 *
 * <p>A secret shorter than {@value #WHOLE_WORD_BELOW} characters is masked only as a whole word: as a substring it
 * would mask parts of ordinary words, and so give itself away.
 */
final class Secrets {

    static final String MASK = "****";
    static final int WHOLE_WORD_BELOW = 6;

    private final Pattern pattern;

    private Secrets(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @param secrets the secret values; blank ones are ignored
     * @return a scrubber for them, built once
     */
    static Secrets of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                forms.addAll(formsOf(secret));
            }
        }
        if (forms.isEmpty()) {
            return new Secrets(null);
        }
        // Longest first, so a secret that contains another is masked whole rather than leaving its rest visible.
        String alternatives = forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Secrets::alternative)
                .collect(Collectors.joining("|"));
        return new Secrets(Pattern.compile(alternatives));
    }

    /**
     * @param text any text, such as a server's answer
     * @return the text with every form of every secret as {@value #MASK}
     */
    String scrub(String text) {
        return pattern == null ? text : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }

    private static Set<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
        forms.add(asciiJson(json));
        forms.add(asciiJson(json).replace("/", "\\/"));
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(form.replace("+", "%20"));
        forms.add(lowerCaseHex(form));
        forms.add(lowerCaseHex(form.replace("+", "%20")));
        return forms;
    }

    private static String alternative(String form) {
        String quoted = Pattern.quote(form);
        return form.length() < WHOLE_WORD_BELOW ? "(?<![\\p{Alnum}])" + quoted + "(?![\\p{Alnum}])" : quoted;
    }

    /** Python's json.dumps and others escape every non-ASCII character. */
    private static String asciiJson(String json) {
        StringBuilder ascii = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            ascii.append(c < 0x80 ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return ascii.toString();
    }

    private static String lowerCaseHex(String encoded) {
        Matcher escape = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        StringBuilder lower = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(lower, escape.group().toLowerCase(Locale.ROOT));
        }
        return escape.appendTail(lower).toString();
    }
}
