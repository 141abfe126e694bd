package io.autoscalebot.plugin.kubernetes.client;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Removes secrets from text before it reaches a message or a log line: a token as written, JSON-escaped, URL-encoded
 * and base64-encoded, since an API server or a proxy may echo any of them.
 */
public final class Redaction {

    /** What a secret is replaced with, everywhere. */
    public static final String MASK = "****";

    private Redaction() {
    }

    /**
     * @param text any text that may hold a secret
     * @param secrets the secrets to remove; empty ones are ignored
     * @return the text with every form of every secret replaced by {@link #MASK}
     */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            forms.add(secret);
            forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        // Longest first, so a form that contains another is replaced whole.
        forms.sort(Comparator.comparingInt(String::length).reversed());
        String scrubbed = text;
        for (String form : forms) {
            scrubbed = scrubbed.replace(form, MASK);
        }
        return scrubbed;
    }
}
