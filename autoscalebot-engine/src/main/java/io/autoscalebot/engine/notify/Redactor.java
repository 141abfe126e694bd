package io.autoscalebot.engine.notify;

import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.context.NotificationRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces every occurrence of a configured secret with {@value #MASK}. Every message, detail, log line and error text
 * the engine produces passes through one, because plugins put whatever they like into exception messages.
 */
public final class Redactor {

    /** What a secret shows as. */
    public static final String MASK = "****";

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * @param secrets the secret values ({@code EngineConfig.secrets()}); empty ones are ignored
     * @return a redactor for them
     */
    public static Redactor of(Collection<String> secrets) {
        // Longest first, so a secret containing another is masked whole rather than leaving its rest visible.
        return new Redactor(secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    /** @return the text with every secret masked; {@code null} stays {@code null} */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** @return a copy with every value masked, in the same order */
    public Map<String, String> redact(Map<String, String> details) {
        Map<String, String> result = new LinkedHashMap<>();
        details.forEach((key, value) -> result.put(redact(key), redact(value)));
        return result;
    }

    /** @return a copy with the message and details masked */
    public Notification redact(Notification notification) {
        return new NotificationRecord(notification.type(), notification.group(), notification.time(), notification.phase(),
                redact(notification.message()), redact(notification.details()));
    }
}
