package io.autoscalebot.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for a condition by asking again until it holds or a deadline passes, for plugin tests against real servers
 * whose figures appear some time after the fact (a broker's sampled counts, a scrape): a busy machine decides how long
 * that takes, so no fixed wait would be right.
 */
public final class Eventually {

    /** Generous: the deadline only matters when something is broken, and then the failure says what was last seen. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final long PAUSE_MILLIS = 100;

    private Eventually() {
    }

    /**
     * @param what the condition, for the failure message
     * @param probe asks once
     * @param done whether the answer is the one waited for
     * @param <T> the answer's type
     * @return the first answer that is done
     * @throws AssertionError with the last answer when the deadline passes first
     */
    public static <T> T await(String what, Callable<T> probe, Predicate<? super T> done) throws Exception {
        return await(what, PATIENCE, probe, done);
    }

    /**
     * @param what the condition, for the failure message
     * @param patience how long to ask; an exception from the probe ends the wait at once
     * @param probe asks once
     * @param done whether the answer is the one waited for
     * @param <T> the answer's type
     * @return the first answer that is done
     * @throws AssertionError with the last answer when the deadline passes first
     */
    public static <T> T await(String what, Duration patience, Callable<T> probe, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        T last;
        do {
            last = probe.call();
            if (done.test(last)) {
                return last;
            }
            // A pause between questions, not a wait for the answer: the loop ends as soon as the condition holds.
            Thread.sleep(PAUSE_MILLIS);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("waited " + patience.toSeconds() + "s for " + what + "; last seen: " + last);
    }
}
