package io.autoscalebot.engine;

import java.util.List;

/**
 * What {@link Autoscaler#reload(Configuration)} changed, group by group.
 *
 * @param added the groups started
 * @param changed the groups rebuilt from new settings, keeping their last scale, history and open conditions
 * @param removed the groups stopped and torn down
 * @param unchanged the groups left running untouched
 * @param restartNeeded the sections read only at start that differ in the new file ({@code state_dir}, {@code [log]},
 *     {@code [server]}, {@code [leader]}): they keep their running values until a restart
 * @param description {@code 1 added (api), 1 changed (web), 0 removed, 2 unchanged}, for the log
 */
public record ReloadSummary(List<String> added, List<String> changed, List<String> removed, List<String> unchanged,
                            List<String> restartNeeded, String description) {

    /** Copies the lists. */
    public ReloadSummary {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        unchanged = List.copyOf(unchanged);
        restartNeeded = List.copyOf(restartNeeded);
    }
}
