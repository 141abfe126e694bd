package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.Deadline;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.engine.settings.SettingsResolver;
import io.autoscalebot.engine.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine's context tells a plugin: its own id and version, the deadline of each call, the recent scales. */
class PluginContextInTheLoopTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(T0);
    private Engine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aPluginSeesItsOwnIdAndVersionAndTheDeadlineOfEachCallInProgress() throws Exception {
        DeadlineProbe probe = new DeadlineProbe();
        TestGroups web = group(TestPlugins.decide("hold", context -> Decision.hold("steady")));
        web.timeout = Duration.ofSeconds(5);
        web.measure = new ComponentConfig(new Component(probe, "acme", "2.3.0", getClass().getClassLoader(),
                probe.id(), Kind.MEASURE, probe.description(), List.of()), SettingsResolver.resolve(List.of(), Map.of()),
                "autoscale.toml:3:1");
        engine = new Engine(TestGroups.engine(stateDir, Set.of(), web.build("web")), clock,
                new VirtualScheduler(clock), StateStore.inMemory(), EngineOptions.DEFAULT);

        engine.runOnce();

        assertThat(probe.context.pluginId()).isEqualTo("acme");
        assertThat(probe.context.pluginVersion()).isEqualTo("2.3.0");
        assertThat(probe.atCreate.at()).as("creating has the setup budget, not the call timeout")
                .isEqualTo(T0.plus(GroupConfig.DEFAULT_SETUP_TIMEOUT));
        assertThat(probe.atMeasure).singleElement().satisfies(deadline -> {
            assertThat(deadline.isNone()).isFalse();
            assertThat(deadline.at()).isEqualTo(T0.plusSeconds(5));
            assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(5));
        });
        assertThat(probe.context.deadline().isNone()).as("between calls").isTrue();
    }

    @Test
    void aDecidePluginSeesTheRecentScalesOldestFirst() {
        List<DecideContext> seen = new CopyOnWriteArrayList<>();
        TestGroups web = group(TestPlugins.decide("up", context -> {
            seen.add(context);
            return Decision.scaleTo(context.current() + 1, "busy");
        }));
        engine = new Engine(TestGroups.engine(stateDir, Set.of(), web.build("web")), clock,
                new VirtualScheduler(clock), StateStore.inMemory(), EngineOptions.DEFAULT);

        engine.runOnce();
        clock.advance(Duration.ofSeconds(10));
        engine.runOnce();
        clock.advance(Duration.ofSeconds(10));
        engine.runOnce();

        DecideContext third = seen.get(2);
        assertThat(third.recentScales()).extracting(ScaleEvent::time, ScaleEvent::from, ScaleEvent::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0, 2, 3),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(10), 3, 4));
        assertThat(third.lastScale()).contains(third.recentScales().get(1));
        assertThat(seen.get(0).recentScales()).isEmpty();
    }

    private TestGroups group(ComponentConfig decide) {
        TestGroups group = new TestGroups();
        group.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        group.decide = decide;
        group.scale = TestPlugins.scale("fake", new TestPlugins.FakeScale(2));
        return group;
    }

    /** A measure provider that keeps its instance's context and the deadline it saw in each call. */
    private static final class DeadlineProbe implements MeasureProvider {
        volatile PluginContext context;
        volatile Deadline atCreate;
        final List<Deadline> atMeasure = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "probe";
        }

        @Override
        public String description() {
            return "records deadlines";
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            this.context = context;
            this.atCreate = context.deadline();
            return () -> {
                atMeasure.add(context.deadline());
                return Measurement.of(context.clock().instant(), 1, "");
            };
        }
    }
}
