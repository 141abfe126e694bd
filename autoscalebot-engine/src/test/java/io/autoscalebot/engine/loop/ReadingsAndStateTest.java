package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.config.Fallback;
import io.autoscalebot.engine.context.ScaleRecord;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.state.GroupState;
import io.autoscalebot.engine.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readings the engine must not trust and state it must not be frozen by, in virtual time through the whole engine:
 * out-of-range readings, the fallback on failed readings, a last scale in the future, the time a scale is recorded,
 * and the setup budget.
 */
class ReadingsAndStateTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final RecordingLogger log = new RecordingLogger();
    private final RecordingNotify notes = new RecordingNotify();
    private final List<DecideContext> decided = new CopyOnWriteArrayList<>();
    private Engine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    private TestGroups group(Measure measure, Decide decide, FakeScale scale) {
        TestGroups group = new TestGroups();
        group.measure = TestPlugins.measure("reading", measure);
        group.decide = TestPlugins.decide("recording", context -> {
            decided.add(context);
            return decide.decide(context);
        });
        group.scale = TestPlugins.scale("fake", scale);
        group.notifiers = List.of(TestPlugins.notifier("recording", notes));
        return group;
    }

    private Engine engine(TestGroups group, StateStore store) {
        engine = new Engine(TestGroups.engine(java.nio.file.Path.of("target", "unused"), Set.of(), group.build("web")),
                clock, new VirtualScheduler(clock), store, EngineOptions.DEFAULT.withLoggers(name -> log));
        return engine;
    }

    private List<TickReport> ticks(int count) {
        List<TickReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reports.addAll(engine.runOnce());
            clock.advance(Duration.ofMinutes(1));
        }
        return reports;
    }

    /** Like the bundled decide plugins: scales on a value, holds on a failed reading. */
    private static final Decide SCALES_ON_A_VALUE = context -> context.latest().filter(Measurement::hasValue)
            .isPresent() ? Decision.scaleTo(context.current() + 1, "busy") : Decision.hold("no reading");

    private static Measure reading(ManualClock clock, double value, String unit) {
        return () -> Measurement.of(clock.instant(), value, unit);
    }

    // 1) readings outside the range the measure declares

    @Test
    void aCountOf1e308IsAFailedMeasurementSaidShortlyAndNeverScaledOn() {
        FakeScale scale = new FakeScale(1);
        TestGroups web = group(null, SCALES_ON_A_VALUE, scale);
        web.measure = TestPlugins.measure("queue", reading(clock, 1e308, "jobs"), ValueRange.COUNT);
        engine(web, StateStore.inMemory());

        TickReport tick = ticks(1).get(0);

        assertThat(tick.outcome()).isEqualTo(TickReport.Outcome.FAILED);
        assertThat(scale.scaleCalls).isEmpty();
        assertThat(decided).singleElement().satisfies(context -> assertThat(context.latest().orElseThrow()
                .succeeded()).as("the decide plugin sees a failed reading").isFalse());
        assertThat(tick.summary()).contains("measure 'queue' reported 1e308 jobs, outside the range its readings can "
                + "take (0 to 9.007199254740992e15)").hasSizeLessThan(400);
        assertThat(notes.of(EventType.MEASUREMENT_FAILED)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("1e308 jobs").doesNotContain("0000000000"));
    }

    @Test
    void aNegativeResponseTimeIsAFailedMeasurement() {
        FakeScale scale = new FakeScale(2);
        TestGroups web = group(null, SCALES_ON_A_VALUE, scale);
        web.measure = TestPlugins.measure("response-time", reading(clock, -42, "ms"), ValueRange.TIME);
        engine(web, StateStore.inMemory());

        TickReport tick = ticks(1).get(0);

        assertThat(tick.outcome()).isEqualTo(TickReport.Outcome.FAILED);
        assertThat(scale.scaleCalls).isEmpty();
        assertThat(tick.summary()).contains("measure 'response-time' reported -42 ms, outside the range its readings "
                + "can take (0 or more)");
    }

    @Test
    void aNonFiniteReadingIsAFailedMeasurementWithTheReason() {
        FakeScale scale = new FakeScale(2);
        TestGroups web = group(null, SCALES_ON_A_VALUE, scale);
        web.measure = TestPlugins.measure("nan", reading(clock, Double.NaN, "ms"));
        engine(web, StateStore.inMemory());

        TickReport tick = ticks(1).get(0);

        assertThat(tick.outcome()).isEqualTo(TickReport.Outcome.FAILED);
        assertThat(scale.scaleCalls).isEmpty();
        assertThat(tick.summary()).contains("measurement failed", "needs a finite value, got NaN");
    }

    // 2) the fallback on failed readings

    private TestGroups failing(FakeScale scale, Fallback fallback) {
        TestGroups web = group(() -> {
            throw new PluginException("the metrics API answered 503");
        }, context -> Decision.hold("no data"), scale);
        web.max = io.autoscalebot.engine.config.CountSchedule.fixed(10);
        web.fallback = fallback;
        return web;
    }

    @Test
    void afterNFailedReadingsInARowTheFallbackGoesUpToItsCountAndIsToldOnce() {
        FakeScale scale = new FakeScale(2);
        engine(failing(scale, new Fallback(3, OptionalInt.of(4))), StateStore.inMemory());

        List<TickReport> reports = ticks(5);

        assertThat(decided).as("the decide plugin decides until the fallback engages").hasSize(2);
        assertThat(scale.scaleCalls).containsExactly(4);
        assertThat(reports.get(2).summary()).contains("3 measurements failed in a row; fallback: going up to 4");
        assertThat(notes.of(EventType.FALLBACK)).singleElement().satisfies(n -> {
            assertThat(n.phase()).isEqualTo(Notification.Phase.STARTED);
            assertThat(n.message()).contains("3 measurements failed in a row");
        });
    }

    @Test
    void aFallbackBelowTheCurrentCountHoldsNeverScalingDownOnMissingData() {
        FakeScale scale = new FakeScale(6);
        engine(failing(scale, new Fallback(1, OptionalInt.of(4))), StateStore.inMemory());

        List<TickReport> reports = ticks(3);

        assertThat(scale.scaleCalls).isEmpty();
        assertThat(reports.get(0).summary()).contains("holding at 6 (never scaling down on missing data");
    }

    @Test
    void theFallbackEndsWithTheFirstGoodReadingAndCountsFailuresInARowAgain() {
        FakeScale scale = new FakeScale(2);
        double[] readings = {-1, -1, 500, -1, -1, -1};
        int[] next = {0};
        TestGroups web = failing(scale, new Fallback(2, OptionalInt.empty()));
        web.measure = TestPlugins.measure("flaky", () -> {
            double value = readings[next[0]++];
            if (value < 0) {
                throw new PluginException("timeout");
            }
            return Measurement.of(clock.instant(), value, "ms");
        });
        engine(web, StateStore.inMemory());

        ticks(6);

        // decided at ticks 1, 3 (good), 4; the fallback held at 2, 5 and 6
        assertThat(decided).hasSize(3);
        assertThat(notes.of(EventType.FALLBACK)).extracting(Notification::phase).containsExactly(
                Notification.Phase.STARTED, Notification.Phase.ENDED, Notification.Phase.STARTED);
        assertThat(scale.scaleCalls).isEmpty();
    }

    @Test
    void withoutAFallbackTheDecidePluginSeesEveryFailedReading() {
        FakeScale scale = new FakeScale(2);
        engine(failing(scale, Fallback.NONE), StateStore.inMemory());

        ticks(5);

        assertThat(decided).hasSize(5);
        assertThat(notes.of(EventType.FALLBACK)).isEmpty();
    }

    // 3) a last scale recorded in the future

    @Test
    void aLastScaleInTheFutureCountsAsMadeNowAndIsWarnedOnce() throws Exception {
        StateStore store = StateStore.inMemory();
        ScaleRecord future = new ScaleRecord(T0.plus(Duration.ofHours(639_888)), 2, 3);
        store.save("web", new GroupState(Optional.of(future), List.of(future), Set.of()));
        engine(group(reading(clock, 500, "ms"), context -> Decision.hold("steady"), new FakeScale(3)), store);

        ticks(3);

        assertThat(decided.get(0).lastScale()).map(ScaleEvent::time).contains(T0);
        assertThat(decided.get(0).recentScales()).extracting(ScaleEvent::time).containsExactly(T0);
        assertThat(log.lines()).filteredOn(line -> line.contains("639888 h after now")).singleElement()
                .satisfies(line -> assertThat(line).startsWith("WARNING").contains("the clock was probably set back",
                        "waits at most its decide plugin's post-scale wait"));
        assertThat(store.load("web").lastScale()).map(ScaleEvent::time).contains(T0);
    }

    // 4) the time a scale is recorded

    @Test
    void aScaleIsRecordedWhenTheScaleCallReturnedNotWhenTheTickStarted() {
        FakeScale slow = new FakeScale(2) {
            @Override
            public int scaleTo(int target) throws Exception {
                clock.advance(Duration.ofSeconds(4));
                return super.scaleTo(target);
            }
        };
        StateStore store = StateStore.inMemory();
        engine(group(reading(clock, 500, "ms"), context -> Decision.scaleTo(3, "busy"), slow), store);

        ticks(1);

        assertThat(store.load("web").lastScale()).map(ScaleEvent::time).contains(T0.plusSeconds(4));
    }

    // 5) the setup budget

    @Test
    void setupHasItsOwnBudgetAndItsFailureIsToldAsSetupFailedNotAsAMeasurementFailure() {
        AtomicReference<Instant> setupDeadline = new AtomicReference<>();
        AtomicReference<io.autoscalebot.api.PluginContext> context = new AtomicReference<>();
        TestGroups web = group(null, context1 -> Decision.hold("steady"), new FakeScale(2));
        web.timeout = Duration.ofMillis(900);
        web.setupTimeout = Duration.ofSeconds(45);
        web.measure = new io.autoscalebot.engine.config.ComponentConfig(
                io.autoscalebot.engine.plugin.Component.builtIn(new io.autoscalebot.api.measure.MeasureProvider() {
                    @Override
                    public String id() {
                        return "app-decision";
                    }

                    @Override
                    public String description() {
                        return "test measure";
                    }

                    @Override
                    public Measure create(io.autoscalebot.api.settings.Settings settings,
                                          io.autoscalebot.api.PluginContext pluginContext) {
                        context.set(pluginContext);
                        return new Measure() {
                            @Override
                            public void setup() throws PluginException {
                                setupDeadline.compareAndSet(null, pluginContext.deadline().at());
                                throw new PluginException("cannot reach Redis at 127.0.0.1:6390");
                            }

                            @Override
                            public Measurement measure() {
                                return Measurement.of(clock.instant(), 1, "");
                            }
                        };
                    }
                }), web.measure.settings(), "autoscale.toml:3:1");
        engine(web, StateStore.inMemory());

        List<TickReport> reports = ticks(2);

        assertThat(setupDeadline.get()).isEqualTo(T0.plusSeconds(45));
        assertThat(reports).extracting(TickReport::outcome).containsOnly(TickReport.Outcome.NOT_STARTED);
        assertThat(reports.get(0).summary()).isEqualTo("web: setting up measure 'app-decision' failed: cannot reach "
                + "Redis at 127.0.0.1:6390; retrying next tick");
        assertThat(notes.of(EventType.SETUP_FAILED)).singleElement().extracting(Notification::message)
                .isEqualTo("web: setting up measure 'app-decision' failed: cannot reach Redis at 127.0.0.1:6390");
        assertThat(notes.of(EventType.MEASUREMENT_FAILED)).isEmpty();
    }
}
