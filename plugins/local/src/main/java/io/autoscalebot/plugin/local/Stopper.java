package io.autoscalebot.plugin.local;

import io.autoscalebot.api.PluginException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Stops copies the way a process manager does: SIGTERM to each copy and its descendants, then SIGKILL to what is still
 * running after the grace period. Several copies stop together, so stopping many takes one grace period, not many.
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
            trees.put(copy, copy.process().descendants().collect(Collectors.toList()));
            copy.process().destroy();
            trees.get(copy).forEach(ProcessHandle::destroy);
        }
        long graceEnds = System.nanoTime() + grace.toNanos();
        List<Copy> stubborn = new ArrayList<>();
        for (Copy copy : copies) {
            if (!copy.process().waitFor(Math.max(0, graceEnds - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                stubborn.add(copy);
            }
        }
        for (Map.Entry<Copy, List<ProcessHandle>> tree : trees.entrySet()) {
            // Leftovers of a copy that did stop are killed too, so nothing outlives the copy it belongs to.
            tree.getValue().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        for (Copy copy : stubborn) {
            logger.log(System.Logger.Level.WARNING, copy.describe() + " did not stop within " + human(grace)
                    + " of SIGTERM; sending SIGKILL");
            copy.process().descendants().forEach(ProcessHandle::destroyForcibly);
            copy.process().destroyForcibly();
        }
        for (Copy copy : stubborn) {
            if (!copy.process().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PluginException(copy.describe() + " is still running " + KILL_WAIT.toSeconds()
                        + "s after SIGKILL; stop it by hand (kill -9 " + copy.process().pid() + ")");
            }
        }
    }

    /** @return {@code 10s}, or {@code 300ms} for a grace that is not whole seconds */
    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
