package io.autoscalebot.engine.loop;

import java.time.Duration;

/**
 * Runs each group's tick on its interval. The engine schedules through this so tests and simulations can run ticks in
 * virtual time ({@link VirtualScheduler}) and the CLI in real time ({@link ExecutorScheduler}).
 */
public interface Scheduler {

    /**
     * Runs {@code tick} after {@code firstDelay} and then every {@code interval}. Runs of one task never overlap.
     *
     * @param name for messages ({@code web})
     * @param firstDelay when the first run is due, from now; &gt;= 0
     * @param interval the time between runs, &gt; 0
     * @param tick what to run, told how late it started; must not throw
     * @return a handle to stop further runs
     */
    Scheduled every(String name, Duration firstDelay, Duration interval, Tick tick);

    /** Runs {@code tick} now and then every {@code interval}; see {@link #every(String, Duration, Duration, Tick)}. */
    default Scheduled every(String name, Duration interval, Runnable tick) {
        return every(name, Duration.ZERO, interval, late -> tick.run());
    }

    /**
     * Stops starting runs, waits up to {@code grace} for running ones, then interrupts what still runs.
     *
     * @return true when nothing was still running after the grace period
     */
    boolean shutdown(Duration grace);

    /** One run of a task. */
    @FunctionalInterface
    interface Tick {
        /**
         * Runs.
         *
         * @param late how long after it was due this run started (zero when on time): the scheduler's own lateness,
         *     caused by busy threads, a busy core or a long GC pause
         */
        void run(Duration late);
    }

    /** A scheduled task. */
    interface Scheduled {
        /** Stops further runs; a run in progress finishes. */
        void cancel();
    }
}
