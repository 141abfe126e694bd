package io.autoscalebot.simulate.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;

/**
 * The processes of one simulated group: each is billed from the moment it is started and serves from boot time later.
 * Mutable simulation state; one replay owns it. Scale calls must come in time order.
 */
final class Fleet {

    private final Duration boot;
    // When each running process starts serving, oldest first; with a constant boot time this stays sorted.
    private final Deque<Instant> readyTimes = new ArrayDeque<>();

    /**
     * @param boot how long a started process takes before it serves
     * @param initial processes already serving when the simulation starts
     * @param start when the simulation starts
     */
    public Fleet(Duration boot, int initial, Instant start) {
        this.boot = Objects.requireNonNull(boot, "boot");
        for (int i = 0; i < initial; i++) {
            readyTimes.addLast(start);
        }
    }

    /**
     * Starts or stops processes. Stopping takes those still booting first, newest first: they serve nobody yet.
     *
     * @param target the wanted count, 0 or more
     * @param now when the change is made
     */
    public void scaleTo(int target, Instant now) {
        if (target < 0) {
            throw new IllegalArgumentException("a process count must be 0 or more, got " + target);
        }
        while (readyTimes.size() < target) {
            readyTimes.addLast(now.plus(boot));
        }
        while (readyTimes.size() > target) {
            readyTimes.removeLast();
        }
    }

    /** @return processes running and billed, booting ones included */
    public int running() {
        return readyTimes.size();
    }

    /**
     * @param now the time asked about
     * @return processes that have finished booting by {@code now}
     */
    public int serving(Instant now) {
        int booting = 0;
        for (Iterator<Instant> newestFirst = readyTimes.descendingIterator(); newestFirst.hasNext(); ) {
            if (!newestFirst.next().isAfter(now)) {
                break;
            }
            booting++;
        }
        return readyTimes.size() - booting;
    }
}
