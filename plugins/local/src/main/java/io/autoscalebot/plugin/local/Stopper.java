package io.autoscalebot.plugin.local;

import io.autoscalebot.api.PluginException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stops copies the way a process manager does: SIGTERM to each copy and its descendants, then SIGKILL to whichever of
 * them is still running after the grace period. Several copies stop together, so stopping many takes one grace period,
 * not many.
 */
final class Stopper {

    /** How long a SIGKILLed copy may take to be gone before it is reported as stuck. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Duration grace;
    private final System.Logger logger;

    Stopper(Duration grace, System.Logger logger) {
        this.grace = grace;
        this.logger = logger;
    }

    /**
     * Stops the copies and waits until they have exited.
     *
     * @param copies the copies to stop
     * @throws PluginException if a copy is still running after SIGKILL
     * @throws InterruptedException if interrupted while waiting
     */
    void stop(List<Copy> copies) throws PluginException, InterruptedException {
        // Remember each copy's descendants before signalling: once a copy exits, its children are no longer its own
        // and would be left running (a "sh -c 'python app.py'" copy is a shell with the app as its child).
        Map<Copy, List<ProcessHandle>> trees = new LinkedHashMap<>();
        for (Copy copy : copies) {
            trees.put(copy, copy.handle().descendants().collect(Collectors.toList()));
            copy.handle().destroy();
            trees.get(copy).forEach(ProcessHandle::destroy);
        }
        // One deadline for the copies and their descendants: such a shell dies at once on SIGTERM while the app it
        // started is still shutting down, and the app deserves the same grace period as the copy.
        long graceEnds = System.nanoTime() + grace.toNanos();
        List<Copy> stubborn = new ArrayList<>();
        for (Copy copy : copies) {
            if (!copy.awaitExit(graceEnds)) {
                stubborn.add(copy);
            }
        }
        List<ProcessHandle> killed = new ArrayList<>();
        for (Map.Entry<Copy, List<ProcessHandle>> tree : trees.entrySet()) {
            killed.addAll(killLeftovers(tree.getKey(), tree.getValue(), graceEnds, stubborn.contains(tree.getKey())));
        }
        for (Copy copy : stubborn) {
            logger.log(System.Logger.Level.WARNING, copy.describe() + " did not stop within " + human(grace)
                    + " of SIGTERM; sending SIGKILL");
            List<ProcessHandle> descendants = copy.handle().descendants().collect(Collectors.toList());
            descendants.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(descendants);
            copy.handle().destroyForcibly();
        }
        awaitKilled(stubborn, killed);
    }

    /**
     * Waits for what got SIGKILL to be gone, so a replacement copy never finds its PORT still taken.
     *
     * @throws PluginException if a process is still running after {@link #KILL_WAIT}
     */
    private static void awaitKilled(List<Copy> copies, List<ProcessHandle> descendants)
            throws PluginException, InterruptedException {
        long killEnds = System.nanoTime() + KILL_WAIT.toNanos();
        for (Copy copy : copies) {
            if (!copy.awaitExit(killEnds)) {
                throw stuck(copy.describe(), copy.handle().pid());
            }
        }
        for (ProcessHandle descendant : descendants) {
            if (!Exits.awaitGone(descendant, killEnds)) {
                throw stuck("process " + descendant.pid() + ", started by a copy,", descendant.pid());
            }
        }
    }

    private static PluginException stuck(String what, long pid) {
        return new PluginException(what + " is still running " + KILL_WAIT.toSeconds() + "s after SIGKILL; stop it by "
                + "hand (kill -9 " + pid + ")");
    }

    /**
     * SIGKILLs the descendants still running at the end of the grace period, so nothing outlives its copy.
     *
     * @return the descendants that got SIGKILL
     */
    private List<ProcessHandle> killLeftovers(Copy copy, List<ProcessHandle> descendants, long graceEnds,
                                              boolean copyIsStubborn) throws InterruptedException {
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (ProcessHandle descendant : descendants) {
            if (!Exits.awaitGone(descendant, graceEnds)) {
                leftovers.add(descendant);
            }
        }
        if (!leftovers.isEmpty() && !copyIsStubborn) { // a stubborn copy's SIGKILL is reported for the whole copy
            logger.log(System.Logger.Level.WARNING, copy.describe() + " exited, but its child processes (pid "
                    + leftovers.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(", "))
                    + ") did not stop within " + human(grace) + " of SIGTERM; sending them SIGKILL");
        }
        leftovers.forEach(ProcessHandle::destroyForcibly);
        return leftovers;
    }

    /** @return {@code 10s}, or {@code 300ms} for a grace that is not whole seconds */
    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
