package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.notify.Durations;
import io.autoscalebot.engine.plugin.ContextLoader;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guarded plugin calls, as {@code run} makes them: on worker threads, each under a timeout and with the plugin's class
 * loader as the thread context class loader. A call that throws or does not answer in time becomes a
 * {@link CallResult#failed failed result}; a call that does not answer is interrupted and abandoned, so a hung plugin
 * costs its group one tick, never the engine. {@link DirectCalls} is the other way, for simulations.
 *
 * <p>The workers are a fixed pool ({@link #defaultWorkers()}), however many groups there are: with 10,000 groups a
 * thread per call would mean thousands of threads. When every worker is busy, a call waits in the queue, but only
 * within its own deadline: the timeout counts from the call, not from when a worker took it, and a call still queued
 * at its deadline is withdrawn, never made, and fails with a message saying every worker was busy. So a burst of slow
 * plugins makes other groups' calls fail (and show up as failed ticks), never wait without bound. A plugin that
 * ignores its interrupt keeps its worker until it returns; that worker is lost to the others meanwhile.
 */
public final class PluginCalls implements PluginCaller, AutoCloseable {

    /** The thread name prefix, for operators reading a thread dump and for tests counting threads. */
    public static final String THREAD_PREFIX = "autoscalebot-plugin-call-";

    private final ExecutorService workers;
    private final int size;

    /**
     * The default number of workers: four per core, between 8 and 64. Plugin calls mostly wait on the network (an
     * HTTP API, Redis), not the core, so more workers than cores keep calls of different groups overlapping; the cap
     * keeps the thread count bounded on a large machine.
     */
    public static int defaultWorkers() {
        return Math.max(8, Math.min(64, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /** Creates a pool of {@link #defaultWorkers()} workers; {@link #close()} ends it. */
    public PluginCalls() {
        this(defaultWorkers());
    }

    /** @param workers how many plugin calls may run at once, &gt; 0 */
    public PluginCalls(int workers) {
        if (workers <= 0) {
            throw new IllegalArgumentException("the number of plugin-call workers must be > 0, got " + workers);
        }
        AtomicInteger count = new AtomicInteger();
        this.size = workers;
        // Daemon threads: a plugin that ignores interrupts must not keep the JVM alive after the engine stopped.
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return how many plugin calls may run at once */
    public int workers() {
        return size;
    }

    @Override
    public <T> CallResult<T> call(ClassLoader loader, Duration timeout, Callable<T> body) {
        Future<T> future;
        AtomicBoolean taken = new AtomicBoolean();
        try {
            future = workers.submit(() -> {
                // A call withdrawn at its deadline while queued must not run later: the caller has moved on.
                if (!taken.compareAndSet(false, true)) {
                    return null;
                }
                return ContextLoader.call(loader, body);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CallResult.failed("the engine is stopping");
        }
        try {
            return CallResult.ok(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return CallResult.failed(Failures.describe(e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
            if (taken.compareAndSet(false, true)) {
                return CallResult.failed("no plugin-call worker was free within " + Durations.human(timeout)
                        + " (all " + size + " busy with other calls); the call was not made");
            }
            return CallResult.failed("no answer within " + Durations.human(timeout) + "; the call was abandoned");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return CallResult.failed("interrupted: the engine is stopping");
        }
    }

    /** Calls into one of a group's instances, with its loader, its context's deadline set for the call. */
    @Override
    public <T> CallResult<T> call(Instance<?> instance, Duration timeout, Callable<T> body) {
        return call(instance.loader(), timeout, instance.context().during(timeout, body));
    }

    /** Interrupts calls still running and stops the workers. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
