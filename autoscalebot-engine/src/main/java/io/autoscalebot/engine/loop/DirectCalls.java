package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.plugin.ContextLoader;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Calls plugins on the calling thread, with the plugin's class loader as context class loader and no deadline: how a
 * simulation calls its decide plugin in virtual time, hundreds of thousands of times in a few seconds. Whatever a
 * plugin bug throws (an exception, a class missing from its jar, a runaway recursion) becomes a failed call, as in a
 * guarded call, rather than ending the simulation; other errors (out of memory) still end it. A plugin that never
 * returns stalls its caller: there is no real time to bound it by.
 */
public final class DirectCalls implements PluginCaller {

    @Override
    public <T> CallResult<T> call(ClassLoader loader, Duration timeout, Callable<T> body) {
        try {
            return CallResult.ok(ContextLoader.call(loader, body));
        } catch (Exception | LinkageError | StackOverflowError e) {
            return CallResult.failed(Failures.describe(e));
        }
    }
}
