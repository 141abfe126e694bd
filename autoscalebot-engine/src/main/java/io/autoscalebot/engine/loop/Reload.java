package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.config.ShortList;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link Engine#reload} changed, each list in the new configuration's order (removed: the old one's).
 *
 * @param added the groups started
 * @param changed the groups rebuilt from new settings, their state kept
 * @param removed the groups stopped and torn down
 * @param unchanged the groups left running untouched
 */
public record Reload(List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {

    /** Copies the lists. */
    public Reload {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        unchanged = List.copyOf(unchanged);
    }

    /** @return {@code 1 added (api), 1 changed (web), 0 removed, 2 unchanged}: names cut short for long lists */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(part(added, "added"));
        parts.add(part(changed, "changed"));
        parts.add(part(removed, "removed"));
        parts.add(unchanged.size() + " unchanged");
        return String.join(", ", parts);
    }

    private static String part(List<String> names, String what) {
        return names.size() + " " + what + (names.isEmpty() ? "" : " (" + ShortList.join(names, ", ") + ")");
    }
}
