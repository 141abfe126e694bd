package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.notify.Redactor;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
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
    private final Map<Key, Instance<Notify>> made = new LinkedHashMap<>();

    LeaseAlarm(Clock clock, PluginCalls calls, Path stateDirectory, Function<String, System.Logger> loggers,
               System.Logger log) {
        this.clock = clock;
        this.calls = calls;
        this.stateDirectory = stateDirectory;
        this.loggers = loggers;
        this.log = log;
    }

    /** Sends each notification once per distinct notifier configuration of {@code groups} that asks for it. */
    synchronized void send(List<Notification> notifications, Collection<GroupConfig> groups, Redactor redactor) {
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
                        tell(told, config, group);
                    }
                }
            }
        }
    }

    private void tell(Notification notification, ComponentConfig config, GroupConfig group) {
        Instance<Notify> notifier = made.get(Key.of(config));
        if (notifier == null) {
            notifier = start(config, group);
            if (notifier == null) {
                return;
            }
            made.put(Key.of(config), notifier);
        }
        Instance<Notify> to = notifier;
        CallResult<Void> sent = calls.run(to, group.timeout(), () -> to.plugin().notify(notification));
        if (!sent.succeeded()) {
            log.log(Level.WARNING, "leader: " + to.label() + " could not deliver the " + notification.type()
                    + " notification: " + sent.failure());
        }
    }

    private Instance<Notify> start(ComponentConfig config, GroupConfig group) {
        String id = config.component().id();
        InstanceContext context = new InstanceContext("leader", clock,
                new LazyLogger("io.autoscalebot.plugin.leader.notify." + id, loggers),
                stateDirectory.resolve("leader").resolve("notify-" + id), false, config.component().pluginId(),
                config.component().pluginVersion());
        CallResult<Plugin> created = calls.call(config.component().loader(), group.setupTimeout(),
                context.during(group.setupTimeout(), () -> config.component().provider().create(config.settings(),
                        context)));
        if (!created.succeeded() || !(created.value() instanceof Notify plugin)) {
            log.log(Level.WARNING, "leader: could not create " + Instance.label(config) + " to tell the lease store's"
                    + " state: " + (created.succeeded() ? "it created no Notify (plugin bug)" : created.failure()));
            return null;
        }
        Instance<Notify> instance = new Instance<>(plugin, config, context);
        CallResult<Void> setUp = calls.run(instance, group.setupTimeout(), plugin::setup);
        if (!setUp.succeeded()) {
            log.log(Level.WARNING, "leader: could not set up " + instance.label() + " to tell the lease store's"
                    + " state: " + setUp.failure());
            calls.run(instance, group.setupTimeout(), plugin::teardown);
            return null;
        }
        return instance;
    }

    /** Tears down the notifiers it made; for the engine's stop. */
    synchronized void teardown(java.time.Duration each) {
        made.values().forEach(instance -> calls.run(instance, each, instance.plugin()::teardown));
        made.clear();
    }
}
