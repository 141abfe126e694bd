package io.autoscalebot.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [leader]} section: several instances share one configuration, and the one holding the lease acts.
 *
 * @param lease the lease plugin and its settings (every key of the section but the engine's own)
 * @param ttl how long the lease lasts without a renewal ({@code ttl}, default 15 s); a standby takes over within twice
 *     that after the leader dies
 * @param timeout how long one call to the lease store may take ({@code timeout}, default a fifth of the ttl)
 */
public record LeaderConfig(ComponentConfig lease, Duration ttl, Duration timeout) {

    /** The keys of {@code [leader]} the engine reads; the others are the plugin's. */
    static final java.util.Set<String> ENGINE_KEYS = java.util.Set.of("ttl", "timeout");

    /** Checks the parts. */
    public LeaderConfig {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** @return how often the holder renews: a third of the ttl, so two renewals may fail before the lease lapses */
    public Duration renewEvery() {
        return ttl.dividedBy(3);
    }
}
