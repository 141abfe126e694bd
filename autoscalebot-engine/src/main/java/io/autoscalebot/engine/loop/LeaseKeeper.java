package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.SharedState;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.config.LeaderConfig;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.context.NotificationRecord;
import io.autoscalebot.engine.notify.Durations;
import io.autoscalebot.engine.state.StateShare;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Holds, renews and gives up the {@code [leader]} lease through the lease plugin, and answers {@link Leadership} from
 * what it last learnt. {@link #check()} runs every third of the ttl: it takes the lease when free, renews it when held.
 *
 * <p>Its own reckoning of the lease ends a ttl after the <i>start</i> of the last successful call, never later than the
 * store's, so a leader whose renewals fail (store down, network lost) stops acting before a successor can start. A
 * store that cannot be asked makes every instance a non-leader: nobody scales until it is back, one warning per
 * episode, and one {@link EventType#LEASE_STORE_DOWN} notification when it starts and one when it ends, told by the
 * instance that led when the store went (or that never reached it, at its start), so that standbys do not repeat it.
 *
 * <p>It is also the {@link StateShare} over the lease plugin's {@link SharedState}: reads and fenced writes with this
 * instance's holder and token, under the {@code [leader]} timeout, on the calling tick's thread.
 */
public final class LeaseKeeper implements Leadership, StateShare {

    private final LeaderConfig config;
    private final Clock clock;
    private final PluginCalls calls;
    private final System.Logger log;
    private final InstanceContext context;
    private final String holder;

    private volatile Instance<Lease> lease;
    /** The lease plugin's room for state; null when it offers none. */
    private volatile SharedState shared;
    private OptionalLong token = OptionalLong.empty();
    private Instant validUntil = Instant.MIN;
    /** What the log last said: null at first, so the first state is told. */
    private String told;
    private boolean storeDown;
    /** Whether the store ever answered: a store unreachable at the start is told by every instance that starts. */
    private boolean everAnswered;
    /** Whether this instance told the current episode's start, and so tells its end. */
    private boolean toldDown;
    /** LEASE_STORE_DOWN notifications not yet taken by the engine, sent outside this keeper's lock. */
    private final List<Notification> outbox = new ArrayList<>();

    /**
     * @param config the {@code [leader]} section
     * @param clock the engine's clock
     * @param calls guarded plugin calls
     * @param stateDirectory the configuration's state directory; the plugin gets {@code leader/lease-ID} in it
     * @param log the engine's logger
     */
    public LeaseKeeper(LeaderConfig config, Clock clock, PluginCalls calls, Path stateDirectory, System.Logger log) {
        this.config = config;
        this.clock = clock;
        this.calls = calls;
        this.log = log;
        String id = config.lease().component().id();
        this.context = new InstanceContext("leader", clock, System.getLogger("io.autoscalebot.plugin.leader.lease." + id),
                stateDirectory.resolve("leader").resolve("lease-" + id), false, config.lease().component().pluginId(),
                config.lease().component().pluginVersion());
        this.holder = holderName();
    }

    /** @return {@code host/pid/random}: unique per process, and says to an operator which instance holds the lease */
    private static String holderName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return this instance's identity in the lease store */
    public String holder() {
        return holder;
    }

    /** @return how often {@link #check()} should run */
    public Duration every() {
        return config.renewEvery();
    }

    @Override
    public synchronized boolean leads() {
        return token.isPresent() && clock.instant().isBefore(validUntil);
    }

    @Override
    public synchronized long term() {
        return leads() ? token.getAsLong() : NO_TERM;
    }

    @Override
    public boolean shares() {
        return shared != null;
    }

    @Override
    public Optional<String> read(String key) throws IOException {
        Instance<Lease> held = lease;
        SharedState room = shared;
        if (held == null || room == null) {
            return Optional.empty();
        }
        CallResult<Optional<String>> got = calls.call(held, config.timeout(), () -> room.read(key));
        if (!got.succeeded() || got.value() == null) {
            throw new IOException("reading '" + key + "' from lease '" + held.config().component().id() + "' failed: "
                    + (got.succeeded() ? "it returned null (plugin bug)" : got.failure()));
        }
        return got.value();
    }

    /** Writes with this instance's token, taken now: a write after the lease was lost is refused by the store too. */
    @Override
    public void write(String key, String value) throws IOException {
        Instance<Lease> held = lease;
        SharedState room = shared;
        OptionalLong now;
        synchronized (this) {
            now = leads() ? token : OptionalLong.empty();
        }
        if (held == null || room == null || now.isEmpty()) {
            throw new IOException("not written to the lease store: this instance does not hold the lease");
        }
        long fence = now.getAsLong();
        CallResult<Boolean> written = calls.call(held, config.timeout(), () -> room.write(holder, fence, key, value));
        if (!written.succeeded() || written.value() == null) {
            throw new IOException("writing '" + key + "' to lease '" + held.config().component().id() + "' failed: "
                    + (written.succeeded() ? "it returned null (plugin bug)" : written.failure()));
        }
        if (!written.value()) {
            throw new IOException("the lease store refused to write '" + key + "': fencing token " + fence
                    + " no longer holds the lease (another instance took it over)");
        }
    }

    /** @return the LEASE_STORE_DOWN notifications since the last call, oldest first, for the engine to send */
    public synchronized List<Notification> takeNotifications() {
        List<Notification> taken = List.copyOf(outbox);
        outbox.clear();
        return taken;
    }

    @Override
    public synchronized boolean confirm() {
        if (!leads()) {
            return false;
        }
        renew();
        return leads();
    }

    /** Takes the lease when free, renews it when held; never throws. */
    public synchronized void check() {
        if (lease == null && !start()) {
            return;
        }
        if (leads()) {
            renew();
        } else if (token.isPresent()) {
            // Not renewed in time: this process was paused (SIGSTOP, a long GC) or the store was slow.
            token = OptionalLong.empty();
            tell("lost the lease: it lapsed before this instance renewed it; standing by unless it is still free");
        }
        if (!leads()) {
            acquire();
        }
    }

    private void acquire() {
        Instant start = clock.instant();
        CallResult<OptionalLong> got = calls.call(lease, config.timeout(),
                () -> lease.plugin().acquire(holder, config.ttl()));
        if (!got.succeeded() || got.value() == null) {
            storeFailed(got.succeeded() ? "it returned null" : got.failure());
            return;
        }
        storeBack();
        token = got.value();
        if (token.isPresent()) {
            validUntil = start.plus(config.ttl());
            tell("this instance is the leader now (lease '" + lease.config().component().id() + "', fencing token "
                    + token.getAsLong() + ", holder " + holder + ")");
        } else {
            validUntil = Instant.MIN;
            tell("standby: another instance holds the lease; this one measures, decides and scales nothing until it"
                    + " lapses (checked every " + Durations.human(every()) + ")");
        }
    }

    private void renew() {
        Instant start = clock.instant();
        long held = token.getAsLong();
        CallResult<Boolean> renewed = calls.call(lease, config.timeout(),
                () -> lease.plugin().renew(holder, held, config.ttl()));
        if (!renewed.succeeded() || renewed.value() == null) {
            // Not given up: the lease may still be ours, and lapses by itself at validUntil.
            storeFailed(renewed.succeeded() ? "it returned null" : renewed.failure());
            return;
        }
        storeBack();
        if (renewed.value()) {
            validUntil = start.plus(config.ttl());
        } else {
            token = OptionalLong.empty();
            validUntil = Instant.MIN;
            tell("lost the lease (it lapsed or another instance took it): standing by");
        }
    }

    private boolean start() {
        var component = config.lease().component();
        CallResult<Plugin> made = calls.call(component.loader(), config.timeout(), context.during(config.timeout(),
                () -> {
                    Files.createDirectories(context.stateDirectory());
                    return component.provider().create(config.lease().settings(), context);
                }));
        if (!made.succeeded() || !(made.value() instanceof Lease created)) {
            storeFailed("creating lease '" + component.id() + "' failed: "
                    + (made.succeeded() ? "it created no Lease (plugin bug)" : made.failure()));
            return false;
        }
        Instance<Lease> instance = new Instance<>(created, config.lease(), context);
        CallResult<Void> setUp = calls.run(instance, config.timeout(), created::setup);
        if (!setUp.succeeded()) {
            calls.run(instance, config.timeout(), created::teardown);
            storeFailed("setup of lease '" + component.id() + "' failed: " + setUp.failure());
            return false;
        }
        CallResult<Optional<SharedState>> room = calls.call(instance, config.timeout(), created::sharedState);
        if (room.succeeded() && room.value() != null) {
            shared = room.value().orElse(null);
        } else {
            log.log(Level.WARNING, "lease '" + component.id() + "' could not say whether it keeps state ("
                    + (room.succeeded() ? "it returned null" : room.failure()) + "); each instance keeps its groups'"
                    + " state in its own state directory, so a new leader may scale again within a post-scale wait");
        }
        lease = instance;
        return true;
    }

    private void storeFailed(String why) {
        if (!storeDown) {
            storeDown = true;
            told = null;
            String message = "the lease store cannot be asked (" + why + "): no instance scales until it is back"
                    + (leads() ? "; this leader stops acting when its lease runs out at " + validUntil : "");
            log.log(Level.WARNING, message);
            // The leader tells it; a standby knows a leader that tells it too. At the start, nobody may know yet.
            if (token.isPresent() || !everAnswered) {
                toldDown = true;
                outbox.add(notification(Notification.Phase.STARTED, message, why));
            }
        }
    }

    private void storeBack() {
        everAnswered = true;
        if (storeDown) {
            storeDown = false;
            log.log(Level.INFO, "the lease store answers again");
            if (toldDown) {
                toldDown = false;
                outbox.add(notification(Notification.Phase.ENDED, "the lease store answers again: the instance"
                        + " holding the lease scales again", ""));
            }
        }
    }

    private NotificationRecord notification(Notification.Phase phase, String message, String why) {
        String id = config.lease().component().id();
        return new NotificationRecord(EventType.LEASE_STORE_DOWN, "leader", clock.instant(), phase,
                "leader: " + message, why.isEmpty() ? Map.of("lease", id, "holder", holder)
                        : Map.of("lease", id, "holder", holder, "failure", why));
    }

    /** @return true while the lease store could not be asked at the last try */
    public synchronized boolean storeDown() {
        return storeDown;
    }

    private void tell(String state) {
        if (!state.equals(told)) {
            told = state;
            log.log(Level.INFO, state);
        }
    }

    /** Gives the lease up so a standby takes over at once, then tears the plugin down; for a clean stop. */
    public synchronized void release() {
        if (lease == null) {
            return;
        }
        if (token.isPresent()) {
            long held = token.getAsLong();
            calls.run(lease, config.timeout(), () -> lease.plugin().release(holder, held));
            token = OptionalLong.empty();
            validUntil = Instant.MIN;
            log.log(Level.INFO, "gave up the lease");
        }
        calls.run(lease, config.timeout(), lease.plugin()::teardown);
        lease = null;
        shared = null;
    }
}
