package io.autoscalebot.plugin.leaseredis;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Asks again until an answer is present, within a bound: waits on the condition, not a guessed time. */
final class Eventually {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private Eventually() {
    }

    static OptionalLong get(String what, Supplier<OptionalLong> ask) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        OptionalLong answer;
        while ((answer = ask.get()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + BOUND + " waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return answer;
    }
}
