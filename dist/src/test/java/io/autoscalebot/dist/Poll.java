package io.autoscalebot.dist;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition another process brings about, checking it often, never longer than a bound. */
final class Poll {

    private static final long INTERVAL_MILLIS = 50;

    private Poll() {
    }

    /**
     * Returns as soon as the condition holds.
     *
     * @param bound the longest wait
     * @param condition what to wait for
     * @param state what to show when the wait fails, like the child's output so far
     * @throws AssertionError when the condition did not hold within the bound
     */
    static void until(Duration bound, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + bound.toSeconds() + " s; " + state.get());
            }
            try {
                // Not a wait for something: a pause between checks of a condition that has a deadline.
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
