package io.autoscalebot.api;

import java.time.Duration;
import java.time.Instant;

/** {@link Deadline#none()}: the one deadline the API itself implements, since a default method must return it. */
final class NoDeadline implements Deadline {

    static final NoDeadline INSTANCE = new NoDeadline();

    private NoDeadline() {
    }

    @Override
    public Instant at() {
        return Instant.MAX;
    }

    @Override
    public Duration remaining() {
        return UNBOUNDED;
    }

    @Override
    public boolean passed() {
        return false;
    }

    @Override
    public String toString() {
        return "no deadline";
    }
}
