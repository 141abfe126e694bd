package io.autoscalebot.engine.loop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * When each group's first tick is due: at an offset within its interval chosen by a hash of the group's name, so that
 * 10,000 groups started together are spread over the interval instead of all being due at the same instant. The offset
 * depends on the name and interval only, so a restart keeps every group on the same phase.
 *
 * <p>The spread covers the interval, up to {@link #LIMIT}: a group on a 10-minute interval is not left without a tick for
 * up to 10 minutes after a start, and groups spread over a minute are far enough from all being due at one instant.
 */
final class FirstTicks {

    /** The longest delay of a first tick. */
    static final Duration LIMIT = Duration.ofMinutes(1);

    private FirstTicks() {
    }

    /**
     * @param group the group's name
     * @param interval its interval, &gt; 0
     * @return the delay of its first tick, in {@code [0, min(interval, LIMIT))}
     */
    static Duration offset(String group, Duration interval) {
        long span = Math.min(interval.toNanos(), LIMIT.toNanos());
        if (span <= 0) {
            throw new IllegalArgumentException("the interval of " + group + " must be > 0, got " + interval);
        }
        // SHA-256, not String.hashCode: names like g00001, g00002 have hash codes 1 apart, which would put their ticks
        // nanoseconds apart; a digest spreads them evenly, and it is the same on every JVM.
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(group.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash << 8) | (digest[i] & 0xff);
        }
        return Duration.ofNanos(Math.floorMod(hash, span));
    }
}
