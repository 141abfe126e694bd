package io.autoscalebot.plugin.kubernetes.client;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" hint for a name a user mistyped. The API keeps only the contract, so this plugin carries its own
 * few lines; the rule matches the engine's (within 2 edits, or a third of a long name), so hints feel alike.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * @param typed what the user wrote
     * @param known the names that exist
     * @return the closest known name, ignoring case, if it is within a typo's reach
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, two rows at a time. */
    private static int distance(String a, String b) {
        int[] above = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            above[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = above[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(Math.min(row[j - 1] + 1, above[j] + 1), substitution);
            }
            int[] done = above;
            above = row;
            row = done;
        }
        return above[b.length()];
    }
}
