package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
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
 * Creates and sets up a group's plugin instances, each call guarded by the group's {@code setup_timeout}, not its
 * per-tick {@code timeout}: a plugin that connects at startup on a busy host may take longer than a tick's call, and
 * that is no failed measurement. Notifiers come first so a failure of the others can still be told through them.
 */
final class GroupStarter {

    /**
     * How a start went.
     *
     * @param plugins the instances when all set up, else null
     * @param created every instance created, set up or not, to tear down after a failure
     * @param readyNotifiers the notifiers that did set up, to tell a failure through
     * @param failure why the start failed ({@code "setting up measure 'x' failed: ..."}), else null
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
            CallResult<Integer> size = calls.call(decide, group.setupTimeout(), decide.plugin()::historySize);
            if (!size.succeeded() || size.value() == null) {
                throw new CallFailedException("setting up " + decide.label() + " failed: it did not say its history "
                        + "size: " + (size.succeeded() ? "it returned null (plugin bug)" : size.failure()));
            }
            ValueRange range = valueRange(measure);
            return new Started(new GroupPlugins(measure, decide, scale, notifiers, size.value(), range), created,
                    notifiers, null);
        } catch (CallFailedException e) {
            return new Started(null, created, notifiers, e.getMessage());
        }
    }

    private <T extends Plugin> Instance<T> startOne(ComponentConfig config, Class<T> kind, List<Instance<?>> created)
            throws CallFailedException {
        String label = Instance.label(config);
        InstanceContext context = context(config);
        CallResult<Plugin> made = calls.call(config.component().loader(), group.setupTimeout(),
                context.during(group.setupTimeout(), () -> create(config, context)));
        if (!made.succeeded()) {
            throw new CallFailedException("setting up " + label + " failed: " + made.failure());
        }
        if (!kind.isInstance(made.value())) {
            throw new CallFailedException("setting up " + label + " failed: it created "
                    + (made.value() == null ? "nothing (null)" : "a " + made.value().getClass().getSimpleName())
                    + ", not a " + kind.getSimpleName() + " (plugin bug)");
        }
        Instance<T> instance = new Instance<>(kind.cast(made.value()), config, context);
        created.add(instance);
        CallResult<Void> setUp = calls.run(instance, group.setupTimeout(), instance.plugin()::setup);
        if (!setUp.succeeded()) {
            throw new CallFailedException("setting up " + label + " failed: " + setUp.failure());
        }
        return instance;
    }

    /** @return the range the measure's provider declares for its readings with the group's settings */
    private ValueRange valueRange(Instance<Measure> measure) throws CallFailedException {
        if (!(measure.config().component().provider() instanceof MeasureProvider provider)) {
            return ValueRange.ANY;
        }
        CallResult<ValueRange> range = calls.call(measure.loader(), group.setupTimeout(),
                () -> provider.valueRange(measure.config().settings()));
        if (!range.succeeded() || range.value() == null) {
            throw new CallFailedException("setting up " + measure.label() + " failed: it did not say the range of its "
                    + "readings: " + (range.succeeded() ? "it returned null (plugin bug)" : range.failure()));
        }
        return range.value();
    }

    /** @return the context of the instance the configuration makes: its group, state folder, logger and plugin */
    private InstanceContext context(ComponentConfig config) {
        String kind = config.component().kind().label();
        String id = config.component().id();
        Path directory = stateDirectory.resolve(group.name()).resolve(kind + "-" + id);
        System.Logger logger = new LazyLogger("io.autoscalebot.plugin." + group.name() + "." + kind + "." + id,
                loggers);
        return new InstanceContext(group.name(), clock, logger, directory, dryRun, config.component().pluginId(),
                config.component().pluginVersion());
    }

    private Plugin create(ComponentConfig config, InstanceContext context) throws Exception {
        // The instance's state folder is not created here: a plugin creates it when it first writes (most never do),
        // so a dry run or a quiet group leaves nothing per group on disk.
        return config.component().provider().create(config.settings(), context);
    }
}
