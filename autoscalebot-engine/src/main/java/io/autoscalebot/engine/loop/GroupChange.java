package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.GroupConfig;
import java.util.List;

/**
 * Whether a reloaded group differs from the one running: every setting counts, except where in the file it was
 * written, so a group that only moved (a line added above it) keeps running untouched.
 */
final class GroupChange {

    private GroupChange() {
    }

    /** @return true when {@code next} would run exactly as {@code running} does */
    static boolean same(GroupConfig running, GroupConfig next) {
        return running.name().equals(next.name())
                && running.interval().equals(next.interval())
                && running.timeout().equals(next.timeout())
                && running.min().equals(next.min())
                && running.max().equals(next.max())
                && running.zone().equals(next.zone())
                && running.rules().equals(next.rules())
                && same(running.measure(), next.measure())
                && same(running.decide(), next.decide())
                && same(running.scale(), next.scale())
                && same(running.notifiers(), next.notifiers());
    }

    private static boolean same(List<ComponentConfig> running, List<ComponentConfig> next) {
        if (running.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < running.size(); i++) {
            if (!same(running.get(i), next.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The same loaded component (provider, plugin, version) with the same values; secrets included. */
    private static boolean same(ComponentConfig running, ComponentConfig next) {
        return running.component().equals(next.component())
                && running.settings().values().equals(next.settings().values());
    }
}
