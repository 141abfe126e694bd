package io.autoscalebot.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a configuration a running engine reads only when it starts: a reload (SIGHUP) rebuilds groups, but
 * re-binding the status server, handing over the lease or moving the state directory under running groups could lose
 * the port, run two leaders for a moment or split state, so those wait for a restart, and the reload says so.
 */
public final class StartOnly {

    private StartOnly() {
    }

    /**
     * @param running the configuration the engine started with
     * @param next the configuration being reloaded
     * @return the sections that differ and need a restart to apply, like {@code [server]}, in file order; empty when
     *     none
     */
    public static List<String> changed(EngineConfig running, EngineConfig next) {
        List<String> changed = new ArrayList<>();
        if (!running.stateDirectory().equals(next.stateDirectory())) {
            changed.add("state_dir");
        }
        if (!running.logSummary().equals(next.logSummary())) {
            changed.add("[log]");
        }
        if (!running.server().equals(next.server())) {
            changed.add("[server]");
        }
        if (!sameLeader(running.leader(), next.leader())) {
            changed.add("[leader]");
        }
        return changed;
    }

    private static boolean sameLeader(Optional<LeaderConfig> running, Optional<LeaderConfig> next) {
        if (running.isEmpty() || next.isEmpty()) {
            return running.isEmpty() == next.isEmpty();
        }
        LeaderConfig a = running.get();
        LeaderConfig b = next.get();
        return a.ttl().equals(b.ttl()) && a.timeout().equals(b.timeout()) && a.lease().runsLike(b.lease());
    }
}
