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
                && running.setupTimeout().equals(next.setupTimeout())
                && running.fallback().equals(next.fallback())
                && running.measure().runsLike(next.measure())
                && running.decide().runsLike(next.decide())
                && running.scale().runsLike(next.scale())
                && same(running.notifiers(), next.notifiers());
    }

    private static boolean same(List<ComponentConfig> running, List<ComponentConfig> next) {
        if (running.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < running.size(); i++) {
            if (!running.get(i).runsLike(next.get(i))) {
                return false;
            }
        }
        return true;
    }
}
