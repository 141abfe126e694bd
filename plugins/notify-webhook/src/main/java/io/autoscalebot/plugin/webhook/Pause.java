package io.autoscalebot.plugin.webhook;

import java.time.Duration;

/** Waits between tries. {@link Thread#sleep} in production; tests pass one that moves a virtual clock instead. */
@FunctionalInterface
interface Pause {

    /** Sleeps on the calling thread, so that the engine can interrupt a call that overran its own timeout. */
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    /**
     * @param duration how long to wait
     * @throws InterruptedException when the engine gave up on the call
     */
    void pause(Duration duration) throws InterruptedException;
}
