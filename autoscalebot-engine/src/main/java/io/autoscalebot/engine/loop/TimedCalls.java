package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Guarded calls that also tell a {@link TickListener} how long each call into one of a group's instances took, by the
 * instance's kind; calls by class loader alone (no instance) are passed through untimed.
 */
final class TimedCalls implements PluginCaller {

    private final PluginCaller calls;
    private final String group;
    private final TickListener listener;

    TimedCalls(PluginCaller calls, String group, TickListener listener) {
        this.calls = calls;
        this.group = group;
        this.listener = listener;
    }

    @Override
    public <T> CallResult<T> call(ClassLoader loader, Duration timeout, Callable<T> body) {
        return calls.call(loader, timeout, body);
    }

    @Override
    public <T> CallResult<T> call(Instance<?> instance, Duration timeout, Callable<T> body) {
        long start = System.nanoTime();
        try {
            return calls.call(instance, timeout, body);
        } finally {
            listener.called(group, instance.config().component().kind().label(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
