package io.autoscalebot.engine.plugin;

import java.util.concurrent.Callable;

/**
 * Sets the thread context class loader around a call into a plugin, because libraries inside plugins (Jackson,
 * ServiceLoader users, JavaMail) look up their own classes through it. The one place that does so: {@link Component},
 * the engine's guarded plugin calls and the simulator all go through it.
 */
public final class ContextLoader {

    private ContextLoader() {
    }

    /** @return what {@code body} returns, called with {@code loader} as the context class loader */
    public static <T> T call(ClassLoader loader, Callable<T> body) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return body.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
