package io.autoscalebot.engine.notify;

import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.context.NotificationRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces every occurrence of a configured secret with {@value #MASK}. Every message, detail, log line and error text
 * the engine produces passes through one, because plugins put whatever they like into exception messages, and servers
 * echo tokens back in whatever form they hold them.
 *
 * <p>What it finds, in each line:
 * <ul>
 *   <li>each secret as written, JSON-escaped ({@code \\}, {@code \"}, {@code \/}, backslash-u00e9 in either case, up to
 *       every character escaped), percent-encoded ({@code %2F} or {@code %2f}, {@code +} or {@code %20} for a space,
 *       UTF-8), both at once, and inside Base64 text (so {@code user:password} of a Basic authorization, when the
 *       configuration gave both);</li>
 *   <li>the password of any URL with credentials ({@code scheme://user:password@host}).</li>
 * </ul>
 * A secret shorter than {@value #SHORTEST_MASKED_INSIDE_WORDS} characters is masked only where it stands alone (no
 * letter or digit touching it): a token {@code abc} must not turn {@code abcweb} into {@code ****web}, which would
 * both mangle the text and give the token away.
 *
 * <p>It is built once per engine with one matcher for all secrets, so redacting a line costs the same whatever the
 * number of groups and secrets.
 */
public final class Redactor {

    /** What a secret shows as. */
    public static final String MASK = "****";

    /** Secrets at least this long are masked wherever they appear, even inside a word. */
    public static final int SHORTEST_MASKED_INSIDE_WORDS = 8;

    /** Null when there are no secrets: only URL passwords are then masked. */
    private final SecretMatcher matcher;

    private Redactor(SecretMatcher matcher) {
        this.matcher = matcher;
    }

    /**
     * @param secrets the secret values ({@code EngineConfig.secrets()}); empty ones are ignored
     * @return a redactor for them
     */
    public static Redactor of(Collection<String> secrets) {
        Set<SecretMatcher.Pattern> patterns = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            boolean wholeWord = secret.length() < SHORTEST_MASKED_INSIDE_WORDS;
            patterns.add(new SecretMatcher.Pattern(secret, wholeWord));
            byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
            if (wholeWord) {
                // Short secrets are not looked for inside Base64 text (noise matches them), only encoded alone.
                for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                    patterns.add(new SecretMatcher.Pattern(encoder.encodeToString(utf8), true));
                    patterns.add(new SecretMatcher.Pattern(encoder.withoutPadding().encodeToString(utf8), true));
                }
            } else {
                // The Base64 view decodes bytes one to a character: a non-ASCII secret shows there as its UTF-8 bytes.
                patterns.add(new SecretMatcher.Pattern(new String(utf8, StandardCharsets.ISO_8859_1), false));
            }
        }
        return new Redactor(patterns.isEmpty() ? null : new SecretMatcher(new ArrayList<>(patterns)));
    }

    /** @return the text with every secret masked; {@code null} stays {@code null}, text with none stays the same */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        BitSet hidden = new BitSet();
        UrlCredentials.mark(text, hidden);
        if (matcher != null) {
            for (DecodedText view : DecodedText.views(text)) {
                matcher.mark(view, hidden);
            }
        }
        return hidden.isEmpty() ? text : masked(text, hidden);
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

    /** Each run of hidden characters becomes one mask, so overlapping and adjacent secrets show as one. */
    private static String masked(String text, BitSet hidden) {
        StringBuilder out = new StringBuilder(text.length());
        int shown = 0;
        for (int start = hidden.nextSetBit(0); start >= 0; start = hidden.nextSetBit(shown)) {
            int end = hidden.nextClearBit(start);
            out.append(text, shown, start).append(MASK);
            shown = end;
            if (end >= text.length()) {
                break;
            }
        }
        return out.append(text, Math.min(shown, text.length()), text.length()).toString();
    }
}
