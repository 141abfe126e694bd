package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * How the {@link TickPipeline} calls into plugins. There are two ways, and only these differ between a run and a
 * simulation: {@link PluginCalls guarded} (a worker thread, the group's timeout as deadline, the call abandoned and
 * interrupted when it does not answer: {@code run}) and {@link DirectCalls direct} (on the calling thread, in virtual
 * time where no deadline means anything: {@code simulate}). Both set the plugin's class loader as the thread context
 * class loader, and both turn a failure into words through {@link Failures}, so a plugin bug reads the same in both.
 */
public interface PluginCaller {

    /**
     * Calls into a plugin.
     *
     * @param loader the plugin's class loader ({@code Component.loader()}), the context class loader during the call
     * @param timeout how long the call may take; a direct call has no deadline and ignores it
     * @param body the call
     * @param <T> what it returns
     * @return its value, or why it failed: a {@code PluginException}'s message, {@code plugin bug: TYPE: message}, or
     *     (guarded) {@code no answer within 200 ms; the call was abandoned}
     */
    <T> CallResult<T> call(ClassLoader loader, Duration timeout, Callable<T> body);

    /** A plugin call that returns nothing: a hook, a notification. */
    @FunctionalInterface
    interface Action {
        /** Calls the plugin. */
        void run() throws Exception;
    }

    /** Like {@link #call}, for a call that returns nothing. */
    default CallResult<Void> run(ClassLoader loader, Duration timeout, Action action) {
        return call(loader, timeout, () -> {
            action.run();
            return null;
        });
    }

    /** Calls into one of a group's instances, with its loader. */
    default <T> CallResult<T> call(Instance<?> instance, Duration timeout, Callable<T> body) {
        return call(instance.loader(), timeout, body);
    }

    /** Calls into one of a group's instances, with its loader, for a call that returns nothing. */
    default CallResult<Void> run(Instance<?> instance, Duration timeout, Action action) {
        return call(instance, timeout, () -> {
            action.run();
            return null;
        });
    }
}
