package io.autoscalebot.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** A registered check with its timeout, and the runs of it that overran and have not returned yet. */
final class TimedCheck {

    private static final int NOT_STARTED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;

    private final String name;
    private final Duration timeout;
    private final Check check;
    // A check that ignores interrupts keeps its thread after a timeout. While one such run is out, the check is not
    // started again: otherwise every probe request would strand one more thread on a hung database.
    private final AtomicInteger overdue = new AtomicInteger();

    TimedCheck(String name, Duration timeout, Check check) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.check = Objects.requireNonNull(check, "check");
    }

    TimedCheck copy() {
        return new TimedCheck(name, timeout, check);
    }

    /**
     * @return how the check went; never throws for anything the check does
     */
    CheckResult run(ExecutorService runner, LongSupplier nanoTime, System.Logger log) {
        if (overdue.get() > 0) {
            return new CheckResult(name, 0, Optional.of("skipped: its earlier run timed out and has not returned yet"));
        }
        AtomicInteger state = new AtomicInteger(NOT_STARTED);
        long start = nanoTime.getAsLong();
        Future<?> future = runner.submit(() -> {
            if (!state.compareAndSet(NOT_STARTED, RUNNING)) {
                return null;
            }
            try {
                check.run();
                return null;
            } finally {
                if (state.getAndSet(DONE) == ABANDONED) {
                    overdue.decrementAndGet();
                }
            }
        });
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new CheckResult(name, elapsed(nanoTime, start), Optional.empty());
        } catch (TimeoutException e) {
            abandon(future, state);
            return new CheckResult(name, elapsed(nanoTime, start),
                    Optional.of("timed out after " + timeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // The message stays in the app's log: it may name a host, a user or a password, and the probe's answer
            // may be read by anyone who can reach the URL.
            log.log(System.Logger.Level.WARNING, "autoscalebot probe: check \"" + name + "\" failed", cause);
            return new CheckResult(name, elapsed(nanoTime, start), Optional.of("threw " + cause.getClass().getName()));
        } catch (InterruptedException e) {
            abandon(future, state);
            // Restored for the server thread that was interrupted, usually because the server is stopping.
            Thread.currentThread().interrupt();
            return new CheckResult(name, elapsed(nanoTime, start), Optional.of("interrupted before it finished"));
        }
    }

    private void abandon(Future<?> future, AtomicInteger state) {
        // Never started: it never will (cancelled below). Running: it is overdue until its finally block runs.
        if (!state.compareAndSet(NOT_STARTED, ABANDONED) && state.compareAndSet(RUNNING, ABANDONED)) {
            overdue.incrementAndGet();
        }
        future.cancel(true);
    }

    private static double elapsed(LongSupplier nanoTime, long start) {
        return Math.max(nanoTime.getAsLong() - start, 0) / 1e6;
    }
}
