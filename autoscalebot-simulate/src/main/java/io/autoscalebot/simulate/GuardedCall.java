package io.autoscalebot.simulate;

import io.autoscalebot.engine.loop.CallFailedException;
import io.autoscalebot.engine.loop.Failures;
import io.autoscalebot.engine.plugin.ContextLoader;
import java.util.concurrent.Callable;

/**
 * A call into the decide plugin during a simulation: with the plugin's class loader as context loader, and with the
 * errors a plugin bug causes (a class missing from its jar, a runaway recursion) turned into a failed call, as a run's
 * guarded calls turn them, rather than ending the simulation. Other errors (out of memory) still end it.
 */
final class GuardedCall {

    private GuardedCall() {
    }

    /**
     * @return what {@code body} returned
     * @throws Exception what it threw; a {@link LinkageError} or {@link StackOverflowError} as a
     *     {@link CallFailedException} saying {@code plugin bug: NoClassDefFoundError: ...}
     */
    static <T> T call(ClassLoader loader, Callable<T> body) throws Exception {
        try {
            return ContextLoader.call(loader, body);
        } catch (LinkageError | StackOverflowError e) {
            throw new CallFailedException(Failures.describe(e));
        }
    }
}
