package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} in real time over one {@link ScheduledThreadPoolExecutor} with a small fixed number of threads,
 * however many tasks it runs: a task waiting for its next run holds no thread, only a queue entry. When every thread is
 * busy (slow plugin calls), due runs wait in the queue and start late; each run is told how late
 * ({@link Scheduler.Tick#run(Duration)}), so the lateness shows instead of hiding.
 *
 * <p>Runs stay on the interval's grid (start, start + interval, ...), but a run that overran skips the boundaries it
 * missed: the next run starts at the first boundary after it ended. A fixed-rate executor would instead fire every
 * missed run back to back, and a decide plugin counting "N readings in a row" would count readings taken milliseconds
 * apart.
 */
public final class ExecutorScheduler implements Scheduler {

    private final ScheduledThreadPoolExecutor executor;

    /** The thread name prefix, for operators reading a thread dump and for tests counting threads. */
    public static final String THREAD_PREFIX = "autoscalebot-tick-";

    /**
     * The default number of threads: twice the cores, between 2 and 16. A tick mostly waits for its plugin calls (on
     * {@link PluginCalls}' workers), so a few more threads than cores keep the core busy while some wait; more would
     * only add threads that compete for the same cores.
     */
    public static int defaultThreads() {
        return Math.max(2, Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** @param threads how many ticks may run at once; a small number, see {@link #defaultThreads()} */
    public ExecutorScheduler(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Each run schedules the next as a one-shot task; after shutdown those must not run, as periodic ones would not.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Scheduled every(String name, Duration firstDelay, Duration interval, Tick tick) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + name + " must be > 0, got " + interval);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("the first delay of " + name + " must be >= 0, got " + firstDelay);
        }
        Repeating repeating = new Repeating(tick, interval.toNanos(), System.nanoTime() + firstDelay.toNanos());
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
        private final Tick tick;
        private final long interval;
        private long due;
        private boolean cancelled;
        private ScheduledFuture<?> next;

        Repeating(Tick tick, long interval, long due) {
            this.tick = tick;
            this.interval = interval;
            this.due = due;
        }

        @Override
        public void run() {
            long dueAt;
            synchronized (this) {
                dueAt = due;
            }
            tick.run(Duration.ofNanos(Math.max(0, System.nanoTime() - dueAt)));
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
