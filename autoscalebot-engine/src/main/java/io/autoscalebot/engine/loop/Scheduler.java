package io.autoscalebot.engine.loop;

import java.time.Duration;

/**
 * Runs each group's tick on its interval. The engine schedules through this so tests and simulations can run ticks in
 * virtual time ({@link VirtualScheduler}) and the CLI in real time ({@link ExecutorScheduler}).
 */
public interface Scheduler {

    /**
     * Runs {@code tick} now and then every {@code interval}. Runs of one task never overlap.
     *
     * @param name for thread names and messages ({@code web})
     * @param interval the time between runs, &gt; 0
     * @param tick what to run; must not throw
     * @return a handle to stop further runs
     */
    Scheduled every(String name, Duration interval, Runnable tick);

    /**
     * Stops starting runs, waits up to {@code grace} for running ones, then interrupts what still runs.
     *
     * @return true when nothing was still running after the grace period
     */
    boolean shutdown(Duration grace);

    /** A scheduled task. */
    interface Scheduled {
        /** Stops further runs; a run in progress finishes. */
        void cancel();
    }
}
