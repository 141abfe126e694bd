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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guarded plugin calls, as {@code run} makes them: on worker threads, each under a timeout and with the plugin's class
 * loader as the thread context class loader. A call that throws or does not answer in time becomes a
 * {@link CallResult#failed failed result}; a call that does not answer is interrupted and abandoned, so a hung plugin
 * costs its group one tick, never the engine. {@link DirectCalls} is the other way, for simulations.
 */
public final class PluginCalls implements PluginCaller, AutoCloseable {

    private final ExecutorService workers;

    /** Creates the worker pool; {@link #close()} ends it. */
    public PluginCalls() {
        AtomicInteger count = new AtomicInteger();
        // Daemon threads: a plugin that ignores interrupts must not keep the JVM alive after the engine stopped.
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "autoscalebot-plugin-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> CallResult<T> call(ClassLoader loader, Duration timeout, Callable<T> body) {
        Future<T> future;
        try {
            future = workers.submit(() -> ContextLoader.call(loader, body));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CallResult.failed("the engine is stopping");
        }
        try {
            return CallResult.ok(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return CallResult.failed(Failures.describe(e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
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
