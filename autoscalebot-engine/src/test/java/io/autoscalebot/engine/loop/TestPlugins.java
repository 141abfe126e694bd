package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.settings.SettingsException;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Plain plugins implementing the SPIs, and their providers, for engine tests. */
final class TestPlugins {

    private TestPlugins() {
    }

    static ComponentConfig measure(String id, Measure measure) {
        return configure(new FixedMeasure(id, measure));
    }

    /** A measure whose provider declares the range of its readings. */
    static ComponentConfig measure(String id, Measure measure, ValueRange range) {
        return configure(new FixedMeasure(id, measure) {
            @Override
            public ValueRange valueRange(Settings settings) {
                return range;
            }
        });
    }

    static ComponentConfig decide(String id, Decide decide) {
        return configure(new FixedDecide(id, decide));
    }

    static ComponentConfig scale(String id, Scale scale) {
        return configure(new FixedScale(id, scale));
    }

    static ComponentConfig notifier(String id, Notify notify) {
        return configure(new FixedNotify(id, notify));
    }

    private static ComponentConfig configure(PluginProvider<?> provider) {
        try {
            return new ComponentConfig(Component.builtIn(provider), SettingsResolver.resolve(List.of(), Map.of()),
                    "autoscale.toml:1:1");
        } catch (SettingsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provider whose every instance is the one given, so a test keeps a handle on it. */
    private abstract static class Fixed<T extends Plugin> implements PluginProvider<T> {
        private final String id;
        private final T instance;

        Fixed(String id, T instance) {
            this.id = id;
            this.instance = instance;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "test " + kind().label();
        }

        @Override
        public T create(Settings settings, PluginContext context) {
            return instance;
        }
    }

    private static class FixedMeasure extends Fixed<Measure> implements MeasureProvider {
        FixedMeasure(String id, Measure instance) {
            super(id, instance);
        }
    }

    private static final class FixedDecide extends Fixed<Decide> implements DecideProvider {
        FixedDecide(String id, Decide instance) {
            super(id, instance);
        }
    }

    private static final class FixedScale extends Fixed<Scale> implements ScaleProvider {
        FixedScale(String id, Scale instance) {
            super(id, instance);
        }
    }

    private static final class FixedNotify extends Fixed<Notify> implements NotifyProvider {
        FixedNotify(String id, Notify instance) {
            super(id, instance);
        }
    }

    /** A scale plugin over an in-memory count; counts its calls. */
    static class FakeScale implements Scale {
        final AtomicInteger count;
        final List<Integer> scaleCalls = new CopyOnWriteArrayList<>();
        final AtomicInteger teardowns = new AtomicInteger();

        FakeScale(int count) {
            this.count = new AtomicInteger(count);
        }

        @Override
        public int current() {
            return count.get();
        }

        @Override
        public int scaleTo(int target) throws Exception {
            scaleCalls.add(target);
            count.set(target);
            return target;
        }

        @Override
        public void teardown() {
            teardowns.incrementAndGet();
        }
    }

    /** Keeps every notification it receives. */
    static final class RecordingNotify implements Notify {
        final List<Notification> received = new CopyOnWriteArrayList<>();

        @Override
        public void notify(Notification notification) {
            received.add(notification);
        }

        List<Notification> of(io.autoscalebot.api.notify.EventType type) {
            return received.stream().filter(n -> n.type() == type).toList();
        }
    }
}
