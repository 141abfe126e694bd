package io.autoscalebot.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when a test moves it, for plugins tested in virtual time. Thread safe: a plugin may read it
 * on its own threads while the test moves it.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    /** @param start the time it shows until moved, in UTC */
    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private ManualClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** @return a clock in another zone that shows this clock's time, moving with it only until either is moved */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /**
     * Moves the clock to {@code time}.
     *
     * @param time the new time, not before the current one
     * @throws IllegalArgumentException if it would go back
     */
    public synchronized void set(Instant time) {
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("a clock does not go back: " + time + " is before " + now);
        }
        now = time;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, 0 or more
     */
    public synchronized void advance(Duration duration) {
        set(now.plus(duration));
    }

    @Override
    public String toString() {
        return "ManualClock[" + now + ", " + zone + "]";
    }
}
