package io.autoscalebot.engine.loop;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.Plugin;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.api.settings.SettingsException;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.plugin.Component;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Plain plugins implementing the SPIs, and their providers, for engine tests. */
final class TestPlugins {

    private TestPlugins() {
    }

    static ComponentConfig measure(String id, Measure measure) {
        return configure(new MeasureProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test measure";
            }

            @Override
            public Measure create(Settings settings, PluginContext context) {
                return measure;
            }
        });
    }

    static ComponentConfig decide(String id, Decide decide) {
        return configure(new DecideProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test decide";
            }

            @Override
            public Decide create(Settings settings, PluginContext context) {
                return decide;
            }
        });
    }

    static ComponentConfig scale(String id, Scale scale) {
        return configure(new ScaleProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test scale";
            }

            @Override
            public Scale create(Settings settings, PluginContext context) {
                return scale;
            }
        });
    }

    static ComponentConfig notifier(String id, Notify notify) {
        return configure(new NotifyProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test notify";
            }

            @Override
            public Notify create(Settings settings, PluginContext context) {
                return notify;
            }
        });
    }

    /** A provider of any kind whose instances come from {@code factory}, to test what the engine does with them. */
    static ComponentConfig generic(String id, Kind kind, Function<PluginContext, Plugin> factory) {
        return configure(new PluginProvider<Plugin>() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test " + kind.label();
            }

            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public Plugin create(Settings settings, PluginContext context) {
                return factory.apply(context);
            }
        });
    }

    private static ComponentConfig configure(PluginProvider<?> provider) {
        try {
            return new ComponentConfig(Component.builtIn(provider), Settings.resolve(List.of(), java.util.Map.of()),
                    "autoscale.toml:1:1");
        } catch (SettingsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A scale plugin over an in-memory count; counts its calls. */
    static final class FakeScale implements Scale {
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
        public int scaleTo(int target) {
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
