package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.Plugin;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.notify.NotifyRules;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.state.GroupState;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One tick pipeline, two ways of calling plugins: guarded (run) and direct (simulate) tick alike. */
class TickPipelineTest {

    private static final Instant START = Instant.parse("2026-03-10T12:00:00Z");
    /** Response times that rise, fail once, and fall: scales up, a failed tick, scales down. */
    private static final double[] READINGS = {900, 1200, 1500, -1, 1400, 300, 200, 100, 100, 100};

    private final PluginCalls guarded = new PluginCalls();

    @AfterEach
    void close() {
        guarded.close();
    }

    /** The outcome, target, reason and notifications of each of ten ticks, and the state they leave. */
    private record Ticked(List<String> ticks, List<String> notifications, GroupState state) {
    }

    private static Ticked tick(Function<ManualClock, TickPipeline> pipelines) {
        ManualClock clock = new ManualClock(START);
        TickPipeline pipeline = pipelines.apply(clock);
        int[] reading = {0};
        Measure measure = () -> {
            double value = READINGS[reading[0]++];
            if (value < 0) {
                throw new PluginException("the health check URL answered 503");
            }
            return Measurement.of(clock.instant(), value, "ms");
        };
        Decide decide = context -> {
            double latest = context.latest().filter(Measurement::succeeded).map(Measurement::value).orElse(500.0);
            return latest > 1000 ? Decision.scaleTo(context.current() + 2, "slow: " + latest)
                    : latest < 500 ? Decision.scaleTo(context.current() - 1, "fast: " + latest)
                    : Decision.hold("fine");
        };
        FakeScale scale = new FakeScale(2);
        GroupPlugins plugins = new GroupPlugins(instance(measure, TestPlugins.measure("scripted", measure)),
                instance(decide, TestPlugins.decide("stepping", decide)),
                instance(scale, TestPlugins.scale("fake", scale)), List.of(), 3);
        List<String> ticks = new ArrayList<>();
        List<String> notifications = new ArrayList<>();
        for (int i = 0; i < READINGS.length; i++) {
            TickPipeline.Result result = pipeline.tick(plugins);
            ticks.add(result.report().outcome() + " " + result.verdict().map(v -> v.target() + " " + v.reason())
                    .orElse("-") + " " + result.failure().orElse("-"));
            result.notifications().forEach(n -> notifications.add(describe(n)));
            clock.advance(Duration.ofMinutes(1));
        }
        return new Ticked(ticks, notifications, pipeline.state());
    }

    private static String describe(Notification n) {
        return n.time() + " " + n.type() + " " + n.phase() + " " + n.message() + " " + n.details();
    }

    private static GroupConfig group() {
        TestGroups groups = new TestGroups();
        groups.max = CountSchedule.fixed(6);
        groups.rules = new NotifyRules(EnumSet.allOf(EventType.class), 1, Duration.ofMinutes(3));
        // The plugins are handed to the pipeline directly; the group's components only label them.
        groups.measure = TestPlugins.measure("scripted", () -> null);
        groups.decide = TestPlugins.decide("stepping", context -> null);
        groups.scale = TestPlugins.scale("fake", new FakeScale(0));
        return groups.build("web");
    }

    @Test
    void guardedAndDirectCallsGiveTheSameDecisionsNotificationsAndState() {
        Redactor redactor = Redactor.of(Set.of());

        Ticked run = tick(clock -> TickPipeline.guarded(group(), clock, guarded, redactor, GroupState.EMPTY, false));
        Ticked simulation = tick(clock -> TickPipeline.direct(group(), clock, redactor));

        assertThat(simulation.ticks()).containsExactlyElementsOf(run.ticks());
        assertThat(simulation.notifications()).containsExactlyElementsOf(run.notifications());
        assertThat(simulation.state()).isEqualTo(run.state());
        // The script covers scaling up past the max, a failed measurement, scaling down and too-rapid scaling.
        assertThat(String.join("\n", run.notifications())).contains("SCALE EVENT", "ABOVE_MAX STARTED",
                "MEASUREMENT_FAILED STARTED", "MEASUREMENT_FAILED ENDED", "TOO_RAPID STARTED");
        assertThat(run.ticks()).anyMatch(tick -> tick.startsWith("FAILED")).anyMatch(tick -> tick.startsWith("SCALED"));
    }

    @Test
    void aPluginBugReadsTheSameThroughEitherCaller() {
        ClassLoader loader = getClass().getClassLoader();
        List<Exception> thrown = List.of(new PluginException("Heroku refused the token"),
                new NullPointerException("settings"));

        for (Exception failure : thrown) {
            CallResult<Object> viaGuarded = guarded.call(loader, Duration.ofSeconds(5), () -> {
                throw failure;
            });
            CallResult<Object> viaDirect = new DirectCalls().call(loader, Duration.ofSeconds(5), () -> {
                throw failure;
            });
            assertThat(viaDirect.failure()).isEqualTo(viaGuarded.failure());
        }
        CallResult<Object> missingClass = new DirectCalls().call(loader, Duration.ZERO, () -> {
            throw new NoClassDefFoundError("com/acme/Model");
        });
        assertThat(missingClass.failure()).isEqualTo("plugin bug: NoClassDefFoundError: com/acme/Model");
    }

    @Test
    void aDirectCallRunsOnTheCallersThreadWithThePluginsContextLoader() throws Exception {
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            Thread caller = Thread.currentThread();
            ClassLoader before = caller.getContextClassLoader();

            CallResult<List<Object>> seen = new DirectCalls().call(pluginLoader, Duration.ZERO,
                    () -> List.of(Thread.currentThread(), Thread.currentThread().getContextClassLoader()));

            assertThat(seen.value()).containsExactly(caller, pluginLoader);
            assertThat(caller.getContextClassLoader()).isSameAs(before);
        }
    }

    @Test
    void aDirectPipelineKeepsNoNarrativeButSaysWhyATickFailed() {
        ManualClock clock = new ManualClock(START);
        Measure failing = () -> {
            throw new PluginException("the health check URL answered 503");
        };
        Decide holding = context -> Decision.hold("steady");
        FakeScale scale = new FakeScale(2);
        GroupPlugins plugins = new GroupPlugins(instance(failing, TestPlugins.measure("failing", failing)),
                instance(holding, TestPlugins.decide("holding", holding)),
                instance(scale, TestPlugins.scale("fake", scale)), List.of(), 1);

        TickPipeline.Result result = TickPipeline.direct(group(), clock, Redactor.of(Set.of())).tick(plugins);

        assertThat(result.report().outcome()).isEqualTo(TickReport.Outcome.FAILED);
        assertThat(result.report().summary()).isEmpty();
        assertThat(result.failure()).contains("measurement failed: the health check URL answered 503");
    }

    /** An instance as the engine creates it: with the context whose deadline guarded calls set. */
    private static <T extends Plugin> Instance<T> instance(T plugin, ComponentConfig config) {
        return new Instance<>(plugin, config, new InstanceContext("web", Clock.systemUTC(), System.getLogger("test"),
                Path.of("target", "state"), false, config.component().pluginId(), config.component().pluginVersion()));
    }
}
