package io.autoscalebot.engine.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A clock that moves only when told to: virtual time for tests and simulations. Thread safe. */
public final class ManualClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    /** @param start the time it shows until moved */
    public ManualClock(Instant start) {
        this(start, java.time.ZoneOffset.UTC);
    }

    private ManualClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock to {@code time}; never backwards. */
    public void set(Instant time) {
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("a clock does not go back: " + time + " is before " + now);
        }
        now = time;
    }

    /** Moves the clock forward by {@code duration}. */
    public void advance(Duration duration) {
        set(now.plus(duration));
    }
}
