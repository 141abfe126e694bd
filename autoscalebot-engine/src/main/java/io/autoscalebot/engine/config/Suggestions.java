package io.autoscalebot.engine.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the name a user probably meant (a plugin id, an event, a time zone), for "did you mean" hints.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** @return the known name closest to {@code typed}, if it is close enough to be a likely typo */
    static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = typed.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        // The same bound Settings.unknownMessage uses, so every hint in one message list feels alike.
        return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int substitution = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(Math.min(row[j - 1], above) + 1, substitution);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
