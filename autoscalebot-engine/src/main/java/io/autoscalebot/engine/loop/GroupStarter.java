package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.context.InstanceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Creates and sets up a group's plugin instances, each call guarded. Notifiers come first so a failure of the others
 * can still be told through them.
 */
final class GroupStarter {

    /**
     * How a start went.
     *
     * @param plugins the instances when all set up, else null
     * @param created every instance created, set up or not, to tear down after a failure
     * @param readyNotifiers the notifiers that did set up, to tell a failure through
     * @param failure why the start failed ({@code "cannot start: setup of measure 'x' failed: ..."}), else null
     */
    record Started(GroupPlugins plugins, List<Instance<?>> created, List<Instance<Notify>> readyNotifiers,
                   String failure) {
    }

    private final GroupConfig group;
    private final Clock clock;
    private final Path stateDirectory;
    private final boolean dryRun;
    private final Function<String, System.Logger> loggers;
    private final PluginCalls calls;

    GroupStarter(GroupConfig group, Clock clock, Path stateDirectory, boolean dryRun,
                 Function<String, System.Logger> loggers, PluginCalls calls) {
        this.group = group;
        this.clock = clock;
        this.stateDirectory = stateDirectory;
        this.dryRun = dryRun;
        this.loggers = loggers;
        this.calls = calls;
    }

    /** Creates and sets up every instance; stops at the first failure. */
    Started start() {
        List<Instance<?>> created = new ArrayList<>();
        List<Instance<Notify>> notifiers = new ArrayList<>();
        try {
            for (ComponentConfig config : group.notifiers()) {
                notifiers.add(startOne(config, Notify.class, created));
            }
            Instance<Measure> measure = startOne(group.measure(), Measure.class, created);
            Instance<Decide> decide = startOne(group.decide(), Decide.class, created);
            Instance<Scale> scale = startOne(group.scale(), Scale.class, created);
            CallResult<Integer> size = calls.call(decide, group.timeout(), decide.plugin()::historySize);
            if (!size.succeeded() || size.value() == null) {
                throw new CallFailedException("cannot start: " + decide.label() + " did not say its history size: "
                        + size.failure());
            }
            return new Started(new GroupPlugins(measure, decide, scale, notifiers, size.value()), created, notifiers,
                    null);
        } catch (CallFailedException e) {
            return new Started(null, created, notifiers, e.getMessage());
        }
    }

    private <T extends Plugin> Instance<T> startOne(ComponentConfig config, Class<T> kind, List<Instance<?>> created)
            throws CallFailedException {
        String label = Instance.label(config);
        InstanceContext context = context(config);
        CallResult<Plugin> made = calls.call(config.component().loader(), group.timeout(),
                context.during(group.timeout(), () -> create(config, context)));
        if (!made.succeeded()) {
            throw new CallFailedException("cannot start: creating " + label + " failed: " + made.failure());
        }
        if (!kind.isInstance(made.value())) {
            throw new CallFailedException("cannot start: " + label + " created "
                    + (made.value() == null ? "nothing (null)" : "a " + made.value().getClass().getSimpleName())
                    + ", not a " + kind.getSimpleName() + " (plugin bug)");
        }
        Instance<T> instance = new Instance<>(kind.cast(made.value()), config, context);
        created.add(instance);
        CallResult<Void> setUp = calls.run(instance, group.timeout(), instance.plugin()::setup);
        if (!setUp.succeeded()) {
            throw new CallFailedException("cannot start: setup of " + label + " failed: " + setUp.failure());
        }
        return instance;
    }

    /** @return the context of the instance the configuration makes: its group, state folder, logger and plugin */
    private InstanceContext context(ComponentConfig config) {
        String kind = config.component().kind().label();
        String id = config.component().id();
        Path directory = stateDirectory.resolve(group.name()).resolve(kind + "-" + id);
        System.Logger logger = loggers.apply("io.autoscalebot.plugin." + group.name() + "." + kind + "." + id);
        return new InstanceContext(group.name(), clock, logger, directory, dryRun, config.component().pluginId(),
                config.component().pluginVersion());
    }

    private Plugin create(ComponentConfig config, InstanceContext context) throws Exception {
        // The instance's state folder is not created here: a plugin creates it when it first writes (most never do),
        // so a dry run or a quiet group leaves nothing per group on disk.
        return config.component().provider().create(config.settings(), context);
    }
}
