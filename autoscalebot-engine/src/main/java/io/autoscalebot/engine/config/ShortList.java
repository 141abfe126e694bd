package io.autoscalebot.engine.config;

import java.util.Collection;
import java.util.Iterator;
import java.util.StringJoiner;

/**
 * Joins a list for a message, cut after its first {@value #SHOWN} items with {@code "and N more"}: a configuration
 * with 44,000 groups must not print all their names on one line.
 */
public final class ShortList {

    /** How many items a message shows. */
    public static final int SHOWN = 20;

    private ShortList() {
    }

    /**
     * @param items what to list, in order
     * @param separator between two items, like {@code ", "}
     * @return {@code "a, b, c"}, or the first {@value #SHOWN} items then {@code ", and 43980 more"}
     */
    public static String join(Collection<String> items, String separator) {
        StringJoiner joined = new StringJoiner(separator);
        Iterator<String> each = items.iterator();
        for (int i = 0; i < SHOWN && each.hasNext(); i++) {
            joined.add(each.next());
        }
        int more = items.size() - SHOWN;
        return more > 0 ? joined + separator + "and " + more + " more" : joined.toString();
    }
}
