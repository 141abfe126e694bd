package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} in real time over a {@link ScheduledExecutorService}. Give it one thread per group so a slow
 * group never delays another.
 */
public final class ExecutorScheduler implements Scheduler {

    private final ScheduledExecutorService executor;

    /** @param threads how many ticks may run at once: the number of groups */
    public ExecutorScheduler(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "autoscalebot-tick-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Scheduled every(String name, Duration interval, Runnable tick) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + name + " must be > 0, got " + interval);
        }
        // Fixed rate keeps ticks on their cadence; the executor never overlaps runs of one task.
        ScheduledFuture<?> future = executor.scheduleAtFixedRate(tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
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
}
