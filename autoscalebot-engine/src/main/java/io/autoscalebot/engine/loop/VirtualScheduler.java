package io.autoscalebot.engine.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Scheduler} in virtual time: nothing runs until {@link #advance(Duration)}, which moves the
 * {@link ManualClock} to each due tick in turn and runs it on the calling thread. Ticks due at the same instant run in
 * the order they were scheduled, so runs are deterministic. A tick that moves the clock itself (a plugin taking virtual
 * time) makes the ticks due meanwhile start late, as in real time, and they are told so. Not thread safe: drive it from
 * one thread.
 */
public final class VirtualScheduler implements Scheduler {

    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private boolean shutDown;

    /** @param clock the clock the engine reads; this scheduler moves it */
    public VirtualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** @return the clock this scheduler moves */
    public ManualClock clock() {
        return clock;
    }

    @Override
    public Scheduled every(String name, Duration firstDelay, Duration interval, Tick tick) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + name + " must be > 0, got " + interval);
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("the first delay of " + name + " must be >= 0, got " + firstDelay);
        }
        Task task = new Task(tasks.size(), interval, tick, clock.instant().plus(firstDelay));
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Runs the ticks due now without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /**
     * Moves time forward by {@code duration}, running every tick that falls due on the way at its own instant
     * (inclusive of the end).
     */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        Optional<Task> next = nextDue(end);
        // Bounded: every run moves its task's due time forward by a positive interval.
        while (next.isPresent()) {
            Task task = next.get();
            // A tick that took virtual time (a plugin moving the clock) delays the ticks due meanwhile, as one busy
            // thread would: they start late, never before the clock's present.
            Instant due = task.due;
            if (clock.instant().isBefore(due)) {
                clock.set(due);
            }
            Duration late = Duration.between(due, clock.instant());
            task.due = due.plus(task.interval);
            task.tick.run(late);
            next = nextDue(end);
        }
        if (clock.instant().isBefore(end)) {
            clock.set(end);
        }
    }

    private Optional<Task> nextDue(Instant end) {
        if (shutDown) {
            return Optional.empty();
        }
        return tasks.stream()
                .filter(t -> !t.cancelled && !t.due.isAfter(end))
                .min(Comparator.comparing((Task t) -> t.due).thenComparingInt(t -> t.order));
    }

    @Override
    public boolean shutdown(Duration grace) {
        // Ticks run on the caller's thread, so none can be running while the caller is here.
        shutDown = true;
        return true;
    }

    private static final class Task {
        final int order;
        final Duration interval;
        final Tick tick;
        Instant due;
        boolean cancelled;

        Task(int order, Duration interval, Tick tick, Instant due) {
            this.order = order;
            this.interval = interval;
            this.tick = tick;
            this.due = due;
        }
    }
}
