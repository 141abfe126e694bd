package io.autoscalebot.plugin.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when the notifier waits between tries, so tests of retries take no real time. */
final class VirtualTime extends Clock implements Pause {

    private volatile Instant now;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    VirtualTime(Instant start) {
        this.now = start;
    }

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
        now = now.plus(duration);
    }

    /** @return every wait the notifier took, in order */
    List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the notifier works in UTC");
    }
}
