package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} in real time over a {@link ScheduledThreadPoolExecutor}. Give it one thread per group so a slow
 * group never delays another.
 *
 * <p>Runs stay on the interval's grid (start, start + interval, ...), but a run that overran skips the boundaries it
 * missed: the next run starts at the first boundary after it ended. A fixed-rate executor would instead fire every
 * missed run back to back, and a decide plugin counting "N readings in a row" would count readings taken milliseconds
 * apart.
 */
public final class ExecutorScheduler implements Scheduler {

    private final ScheduledThreadPoolExecutor executor;

    /** @param threads how many ticks may run at once: the number of groups */
    public ExecutorScheduler(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "autoscalebot-tick-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Each run schedules the next as a one-shot task; after shutdown those must not run, as periodic ones would not.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Scheduled every(String name, Duration interval, Runnable tick) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + name + " must be > 0, got " + interval);
        }
        Repeating repeating = new Repeating(tick, interval.toNanos(), System.nanoTime());
        repeating.scheduleAt(repeating.due);
        return repeating::cancel;
    }

    /**
     * When the run after one due at {@code due} starts: one interval later, or, when the run ended after that, the
     * first boundary of the grid at or after {@code now}.
     *
     * @param due when the run that just ended was due, in {@link System#nanoTime()} units
     * @param interval the interval in nanoseconds, &gt; 0
     * @param now when the run ended, in {@link System#nanoTime()} units
     * @return when the next run is due
     */
    static long nextDue(long due, long interval, long now) {
        long next = due + interval;
        // Differences, not comparisons, since nanoTime values may overflow.
        long late = now - next;
        if (late <= 0) {
            return next;
        }
        long missed = (late + interval - 1) / interval;
        return next + missed * interval;
    }

    @Override
    public boolean shutdown(Duration grace) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            executor.shutdownNow();
            return false;
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One task: runs, then schedules its next run; so runs of one task never overlap. */
    private final class Repeating implements Runnable {
        private final Runnable tick;
        private final long interval;
        private long due;
        private boolean cancelled;
        private ScheduledFuture<?> next;

        Repeating(Runnable tick, long interval, long due) {
            this.tick = tick;
            this.interval = interval;
            this.due = due;
        }

        @Override
        public void run() {
            tick.run();
            synchronized (this) {
                due = nextDue(due, interval, System.nanoTime());
                scheduleAt(due);
            }
        }

        synchronized void scheduleAt(long time) {
            if (cancelled) {
                return;
            }
            try {
                next = executor.schedule(this, time - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // Shutting down: no further runs, as with a cancelled task.
                cancelled = true;
            }
        }

        synchronized void cancel() {
            cancelled = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
