package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.settings.DurationText;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tells the {@code [leader]} lease store's outages ({@code LEASE_STORE_DOWN}) through the groups' notifiers. The lease
 * is one per process while notifiers are per group, and 50 groups often share one Slack webhook: a notifier
 * configuration (same plugin, same settings) is told once, not once per group that has it. A group's {@code notify_on}
 * and the notifier's own {@code notify_on} still choose whether it hears about the lease at all.
 *
 * <p>Its notifier instances are its own, made at the first outage and kept until the engine stops: a standby never
 * starts its groups' plugins, and a store that is down at the start must be told all the same.
 *
 * <p>It runs on the lease check's thread, so all it does for one check (making notifiers, telling them) shares one
 * budget, a third of the ttl: the renewal it delays then still comes before the lease lapses, whatever a slow or hung
 * notifier does. What does not fit is logged as not told.
 */
final class LeaseAlarm {

    /** A notifier configuration as a user wrote it, whatever group it is in. */
    private record Key(String pluginId, String id, Map<String, Object> settings) {
        static Key of(ComponentConfig config) {
            return new Key(config.component().pluginId(), config.component().id(), config.settings().values());
        }
    }

    private final Clock clock;
    private final PluginCalls calls;
    private final Path stateDirectory;
    private final Function<String, System.Logger> loggers;
    private final System.Logger log;
    private final Duration budget;
    private final Map<Key, Instance<Notify>> made = new LinkedHashMap<>();

    /** @param budget how long one {@link #send} may take in all: a third of the lease's ttl */
    LeaseAlarm(Clock clock, PluginCalls calls, Path stateDirectory, Function<String, System.Logger> loggers,
               System.Logger log, Duration budget) {
        this.budget = budget;
        this.clock = clock;
        this.calls = calls;
        this.stateDirectory = stateDirectory;
        this.loggers = loggers;
        this.log = log;
    }

    /** Sends each notification once per distinct notifier configuration of {@code groups} that asks for it. */
    synchronized void send(List<Notification> notifications, Collection<GroupConfig> groups, Redactor redactor) {
        Instant end = clock.instant().plus(budget);
        for (Notification notification : notifications) {
            Notification told = redactor.redact(notification);
            Set<Key> sent = new HashSet<>();
            for (GroupConfig group : groups) {
                if (!group.rules().notifyOn().contains(told.type())) {
                    continue;
                }
                for (ComponentConfig config : group.notifiers()) {
                    if (config.events().allows(told.type(), told.time().atZone(group.zone()))
                            && sent.add(Key.of(config))) {
                        tell(told, config, group, end);
                    }
                }
            }
        }
    }

    private void tell(Notification notification, ComponentConfig config, GroupConfig group, Instant end) {
        Instance<Notify> notifier = made.get(Key.of(config));
        if (notifier == null && !timeLeft(end, config, notification)) {
            return;
        }
        if (notifier == null) {
            notifier = start(config, group, within(group.setupTimeout(), end));
            if (notifier == null) {
                return;
            }
            made.put(Key.of(config), notifier);
        }
        if (!timeLeft(end, config, notification)) {
            return;
        }
        Instance<Notify> to = notifier;
        CallResult<Void> sent = calls.run(to, within(group.timeout(), end), () -> to.plugin().notify(notification));
        if (!sent.succeeded()) {
            log.log(Level.WARNING, "leader: " + to.label() + " could not deliver the " + notification.type()
                    + " notification: " + sent.failure());
        }
    }

    private boolean timeLeft(Instant end, ComponentConfig config, Notification notification) {
        if (clock.instant().isBefore(end)) {
            return true;
        }
        log.log(Level.WARNING, "leader: " + Instance.label(config) + " was not told " + notification.type() + " "
                + notification.phase() + ": notifiers before it took the " + DurationText.format(budget)
                + " the lease check can spare (a third of the ttl)");
        return false;
    }

    /** @return {@code timeout}, or less when {@code end} comes first */
    private Duration within(Duration timeout, Instant end) {
        Duration left = Duration.between(clock.instant(), end);
        return left.compareTo(timeout) < 0 ? left : timeout;
    }

    private Instance<Notify> start(ComponentConfig config, GroupConfig group, Duration timeout) {
        String id = config.component().id();
        InstanceContext context = new InstanceContext("leader", clock,
                new LazyLogger("io.autoscalebot.plugin.leader.notify." + id, loggers),
                stateDirectory.resolve("leader").resolve("notify-" + id), false, config.component().pluginId(),
                config.component().pluginVersion());
        CallResult<Plugin> created = calls.call(config.component().loader(), timeout,
                context.during(timeout, () -> config.component().provider().create(config.settings(),
                        context)));
        if (!created.succeeded() || !(created.value() instanceof Notify plugin)) {
            log.log(Level.WARNING, "leader: could not create " + Instance.label(config) + " to tell the lease store's"
                    + " state: " + (created.succeeded() ? "it created no Notify (plugin bug)" : created.failure()));
            return null;
        }
        Instance<Notify> instance = new Instance<>(plugin, config, context);
        CallResult<Void> setUp = calls.run(instance, timeout, plugin::setup);
        if (!setUp.succeeded()) {
            log.log(Level.WARNING, "leader: could not set up " + instance.label() + " to tell the lease store's"
                    + " state: " + setUp.failure());
            calls.run(instance, timeout, plugin::teardown);
            return null;
        }
        return instance;
    }

    /** Tears down the notifiers it made; for the engine's stop. */
    synchronized void teardown(Duration each) {
        made.values().forEach(instance -> calls.run(instance, each, instance.plugin()::teardown));
        made.clear();
    }
}
