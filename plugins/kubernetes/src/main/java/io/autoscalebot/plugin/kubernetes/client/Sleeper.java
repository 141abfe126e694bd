package io.autoscalebot.plugin.kubernetes.client;

import java.time.Duration;

/**
 * Waits. Injected so that retry backoff can be tested without really waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread; the engine's timeout interrupts it. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for the given time.
     *
     * @param duration how long
     * @throws InterruptedException if the engine gave up on the call meanwhile
     */
    void sleep(Duration duration) throws InterruptedException;
}
