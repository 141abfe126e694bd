package io.autoscalebot.plugin.rabbitmq;

import java.time.Duration;

/**
 * How much of one measurement's time is left, so every request of it fits in the time it was given.
 *
 * <p>The budget comes from setting {@code timeout} today. It is kept in one place so that when the engine hands
 * plugins the deadline of each call, only {@link #startingNow(Duration)}'s caller changes.
 */
final class CallBudget {

    private final Duration total;
    private final long endNanos;

    private CallBudget(Duration total, long endNanos) {
        this.total = total;
        this.endNanos = endNanos;
    }

    /**
     * @param total how long the whole call may take
     * @return a budget that started now; measured with {@link System#nanoTime()}, because what it bounds is real
     *     waiting on the network, whatever the engine's clock says
     */
    static CallBudget startingNow(Duration total) {
        return new CallBudget(total, System.nanoTime() + total.toNanos());
    }

    /** @return the whole budget, for messages ("timed out after 5s") */
    Duration total() {
        return total;
    }

    /** @return what is left, never negative */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }
}
