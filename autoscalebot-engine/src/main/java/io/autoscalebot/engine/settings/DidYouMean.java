package io.autoscalebot.engine.settings;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" hints of every message about a name a user mistyped: a setting, a plugin id, an event, a time
 * zone. One rule for all, so every hint feels alike.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * The known name a user probably meant: the closest by edit distance, ignoring case, when it is within a typo's
     * reach (2 edits, or a third of the name's length for long names).
     *
     * @param typed what the user wrote
     * @param known the names that exist
     * @return the closest known name, if it is close enough
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = typed.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /**
     * @param key a key that is not declared
     * @param known the declared names
     * @return {@code unknown setting 'urll' (did you mean 'url'?)}, or the list of known settings
     */
    public static String unknownSetting(String key, Collection<String> known) {
        Optional<String> best = closest(key, known);
        if (best.isPresent()) {
            return "unknown setting '" + key + "' (did you mean '" + best.get() + "'?)";
        }
        return "unknown setting '" + key + "'" + (known.isEmpty()
                ? " (this component takes no settings)"
                : " (known settings: " + String.join(", ", known) + ")");
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
