package io.autoscalebot.engine.loop;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.LeaseProvider;
import io.autoscalebot.api.lease.SharedState;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lease store shared by several engines of one test, on the test's clock: the semantics of the real backends
 * (lapses by itself, compare holder and token), plus what a test needs: a store that is down, a lease taken away.
 */
final class MemoryLease implements Lease {

    private final Clock clock;
    private String holder;
    private long token;
    private long epoch;
    private Instant expires = Instant.MIN;
    volatile boolean down;
    /** Whether it offers {@link SharedState}, as the Redis and file leases do. */
    volatile boolean keepsState = true;
    /** Whether reading the shared state fails while the lease itself answers (a slow store, a refused read). */
    volatile boolean readsFail;
    /** The shared state, by key. */
    final Map<String, String> state = new ConcurrentHashMap<>();

    MemoryLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized OptionalLong acquire(String who, Duration ttl) throws Exception {
        failIfDown();
        Instant now = clock.instant();
        if (holder != null && !holder.equals(who) && now.isBefore(expires)) {
            return OptionalLong.empty();
        }
        if (holder == null || !holder.equals(who) || !now.isBefore(expires)) {
            holder = who;
            token = ++epoch;
        }
        expires = now.plus(ttl);
        return OptionalLong.of(token);
    }

    @Override
    public synchronized boolean renew(String who, long held, Duration ttl) throws Exception {
        failIfDown();
        Instant now = clock.instant();
        if (!who.equals(holder) || held != token || !now.isBefore(expires)) {
            return false;
        }
        expires = now.plus(ttl);
        return true;
    }

    @Override
    public synchronized void release(String who, long held) throws Exception {
        failIfDown();
        if (who.equals(holder) && held == token) {
            holder = null;
        }
    }

    @Override
    public Optional<SharedState> sharedState() {
        return keepsState ? Optional.of(new SharedState() {
            @Override
            public Optional<String> read(String key) throws Exception {
                failIfDown();
                if (readsFail) {
                    throw new java.io.IOException("read timed out");
                }
                return Optional.ofNullable(state.get(key));
            }

            @Override
            public boolean write(String who, long held, String key, String value) throws Exception {
                synchronized (MemoryLease.this) {
                    failIfDown();
                    // Fenced as the real stores are: only the current holder with its token writes.
                    if (!who.equals(holder) || held != token || !clock.instant().isBefore(expires)) {
                        return false;
                    }
                    state.put(key, value);
                    return true;
                }
            }
        }) : Optional.empty();
    }

    /** As if an operator deleted the lease and another instance took it at once. */
    synchronized void takenBy(String other) {
        holder = other;
        token = ++epoch;
        expires = clock.instant().plus(Duration.ofHours(1));
    }

    synchronized String holder() {
        return holder;
    }

    private void failIfDown() throws java.io.IOException {
        if (down) {
            throw new java.io.IOException("Connection refused");
        }
    }

    /** @return the {@code [leader]} component handing out this very store to every engine */
    ComponentConfig component() {
        LeaseProvider provider = new LeaseProvider() {
            @Override
            public String id() {
                return "memory-lease";
            }

            @Override
            public String description() {
                return "test lease";
            }

            @Override
            public Lease create(Settings settings, PluginContext context) {
                return MemoryLease.this;
            }
        };
        try {
            return new ComponentConfig(Component.builtIn(provider), SettingsResolver.resolve(List.of(), Map.of()),
                    "autoscale.toml:1:1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
