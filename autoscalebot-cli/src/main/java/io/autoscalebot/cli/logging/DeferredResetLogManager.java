package io.autoscalebot.cli.logging;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * The CLI's {@link LogManager}: it holds back {@link #reset()} while a stop is pending. The JDK's LogManager resets
 * (closes every handler) from its own shutdown hook, which runs at the same time as the CLI's; without this, what the
 * engine logs while stopping on SIGTERM (ticks interrupted, teardowns failed) would be lost.
 *
 * <p>Installed with {@code -Djava.util.logging.manager=io.autoscalebot.cli.logging.DeferredResetLogManager} (the
 * launcher sets it; {@code Main} too, when nothing has logged yet), so it needs to be public, with a public no-arg
 * constructor, in a package {@code java.logging} can read. When another LogManager is in use, {@link #holdResetUntil}
 * does nothing and logging during a stop may be cut short, as before.
 */
public class DeferredResetLogManager extends LogManager {

    /** A pending stop: the reset waits for {@code released}, at most {@code bound}. */
    private record Hold(CountDownLatch released, Duration bound) {
    }

    private static volatile Hold hold;

    /** Called by {@code java.util.logging} when it reads the {@code java.util.logging.manager} property. */
    public DeferredResetLogManager() {
        super();
    }

    /**
     * Until {@code released} is counted down, or {@code bound} has passed since a reset began to wait, a reset of
     * whichever {@code DeferredResetLogManager} is installed waits. Call it when a stop hook is registered, and count
     * down the latch when the hook has finished or is removed.
     */
    public static void holdResetUntil(CountDownLatch released, Duration bound) {
        hold = new Hold(released, bound);
    }

    @Override
    public void reset() {
        Hold pending = hold;
        if (pending != null) {
            try {
                pending.released().await(pending.bound().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.reset();
    }
}
