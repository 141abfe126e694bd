package io.autoscalebot.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ManualClock;
import io.autoscalebot.engine.loop.VirtualScheduler;
import io.autoscalebot.engine.notify.NotifyRules;
import io.autoscalebot.engine.state.StateStore;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} and {@code simulate} drive one tick pipeline, so given the same plugin inputs they decide and notify
 * alike. A trace is simulated first; then the same group runs in the engine, in virtual time, with a measure plugin
 * that reads what the simulation measured and a scale plugin that holds its count, and every decision and notification
 * of the run is held against the simulation's.
 */
class RunAndSimulateAgreeTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** 10 requests/s per process, serving at once, held to 500 ms, fed response times; starts with 1 process. */
    private static final SimulationModel MODEL = new SimulationModel(10, Duration.ZERO, 1, Duration.ofMillis(500),
            Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.of(1));
    /** Every event notified, and more than 2 scales one way within 5 minutes is too rapid. */
    private static final NotifyRules EVERY_EVENT = new NotifyRules(EnumSet.allOf(EventType.class), 2,
            Duration.ofMinutes(5));

    @TempDir
    Path stateDirectory;

    /** 5 quiet minutes at 5 requests/s, 15 busy ones at 50/s, then 20 quiet ones; one row a minute. */
    private static Trace burst() {
        double[] perMinute = new double[40];
        for (int i = 0; i < perMinute.length; i++) {
            perMinute[i] = i >= 5 && i < 20 ? 3000 : 300;
        }
        return Trace.uniform("burst.csv", MIDNIGHT, MINUTE, perMinute);
    }

    private static CountSchedule table(int first, String from, int then) {
        return new CountSchedule(new TreeMap<>(Map.of(LocalTime.MIDNIGHT, first, LocalTime.parse(from), then)));
    }

    /** The group both drive: a max of 3 until 00:20, a min of 2 from 00:30, every event notified. */
    private static SimulatedGroups groups(Decide decide) {
        SimulatedGroups groups = new SimulatedGroups(new SimulatedGroups.Named("flaky-stepper", context -> decide));
        groups.max = table(3, "00:20", 20);
        groups.min = table(1, "00:30", 2);
        groups.rules = EVERY_EVENT;
        return groups;
    }

    @Test
    void aRunFedWhatASimulationMeasuredDecidesAndNotifiesAsTheSimulationDid() throws Exception {
        // given: the same decide plugin twice, which waits 2 minutes after a scale and fails at 00:08 and 00:09
        FlakyStepper simulatedDecide = new FlakyStepper();
        FlakyStepper runDecide = new FlakyStepper();
        List<Notification> simulatedEvents = new ArrayList<>();

        // when: the trace is simulated
        SimulationResult simulated = new Simulator(MODEL, Set.of()).run(groups(simulatedDecide).build("web"), burst(),
                Simulator.Progress.NONE, simulatedEvents::add);
        // and the group runs, measuring what the simulation measured, from the same start
        List<Notification> runEvents = run(groups(runDecide), runDecide, simulated);

        // then: the decide plugin saw the same ticks, and the group was told the same things
        assertThat(runDecide.seen).hasSize(40);
        assertThat(facts(runDecide.seen)).containsExactlyElementsOf(facts(simulatedDecide.seen));
        assertThat(facts(runEvents)).containsExactlyElementsOf(facts(simulatedEvents));
        // and the test covers what it means to: scales, waits, bounds, failures and too-rapid scaling
        assertThat(simulatedEvents).extracting(Notification::type).contains(EventType.MEASUREMENT, EventType.SCALE,
                EventType.ABOVE_MAX, EventType.BELOW_MIN, EventType.MEASUREMENT_FAILED, EventType.TOO_RAPID);
        assertThat(simulatedDecide.seen).anyMatch(context -> context.lastScale().isPresent());
        assertThat(simulated.decisions().failed()).isEqualTo(2);
    }

    /**
     * Runs the group in the engine, in virtual time from the simulation's first decision, for as many ticks as the
     * simulation had: the measure plugin reads what the simulation fed its decide plugin, the scale plugin starts at
     * the simulation's first count, and a notifier records what the group is told.
     */
    private List<Notification> run(SimulatedGroups groups, Decide decide, SimulationResult simulated) {
        ManualClock clock = new ManualClock(MIDNIGHT.plus(MINUTE));
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        List<Notification> told = new CopyOnWriteArrayList<>();
        GroupConfig web = new GroupConfig("web", groups.interval, Duration.ofSeconds(5), groups.min, groups.max,
                ZoneOffset.UTC, SimulatedGroups.configure(new Replaying(simulated.timeline(), clock)),
                SimulatedGroups.configure(new SimulatedGroups.Named("flaky-stepper", context -> decide)),
                SimulatedGroups.configure(new Holding(simulated.timeline().supply(0))),
                List.of(SimulatedGroups.configure(new Recording(told))), groups.rules);
        EngineConfig config = new EngineConfig(stateDirectory.resolve("autoscale.toml"), stateDirectory,
                List.of(web), Set.of());
        Engine engine = new Engine(config, clock, scheduler, StateStore.inMemory(),
                EngineOptions.DEFAULT.withLoggers(name -> SILENT));
        try {
            engine.start();
            scheduler.advance(MINUTE.multipliedBy(simulated.decisions().ticks() - 1L));
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
        return told;
    }

    private static List<Tuple> facts(List<?> items) {
        List<Tuple> facts = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof DecideContext context) {
                facts.add(tuple(context.now(), context.current(), context.min(), context.max(),
                        context.history().stream().map(m -> m.time() + " " + m.value() + " " + m.unit()).toList(),
                        context.lastScale()));
            } else {
                Notification n = (Notification) item;
                facts.add(tuple(n.type(), n.phase(), n.time(), n.message(), n.details()));
            }
        }
        return facts;
    }

    /**
     * Scales one process at a time while the latest response time is above 400 ms or below 150 ms, holds for 2
     * minutes after each scale, and fails at 00:08 and 00:09. Records what it was asked.
     */
    private static final class FlakyStepper implements Decide {
        final List<DecideContext> seen = new CopyOnWriteArrayList<>();

        @Override
        public Decision decide(DecideContext context) throws PluginException {
            seen.add(context);
            LocalTime time = context.now().atZone(ZoneOffset.UTC).toLocalTime();
            if (!time.isBefore(LocalTime.of(0, 8)) && time.isBefore(LocalTime.of(0, 10))) {
                throw new PluginException("the model file is being replaced");
            }
            double latest = context.latest().map(Measurement::value).orElse(0.0);
            if (context.lastScale().isPresent()
                    && context.lastScale().get().time().plus(Duration.ofMinutes(2)).isAfter(context.now())) {
                return Decision.hold("waiting after the last scale");
            }
            if (latest > 400) {
                return Decision.scaleTo(context.current() + 1, latest + " ms above 400 ms");
            }
            if (latest < 150 && context.current() > 0) {
                return Decision.scaleTo(context.current() - 1, latest + " ms below 150 ms");
            }
            return Decision.hold("within bounds");
        }
    }

    /** Reads, at each tick, what the simulation fed its decide plugin at the same tick. */
    private record Replaying(Timeline timeline, ManualClock clock) implements MeasureProvider {
        @Override
        public String id() {
            return "replaying";
        }

        @Override
        public String description() {
            return "the simulation's measurements, tick by tick";
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            int[] tick = {0};
            return () -> Measurement.of(clock.instant(), timeline.measured(tick[0]++), "ms");
        }
    }

    /** Holds a count, as the simulated fleet does: every scale reaches its target. */
    private record Holding(int initial) implements ScaleProvider {
        @Override
        public String id() {
            return "holding";
        }

        @Override
        public String description() {
            return "a count that every scale reaches";
        }

        @Override
        public Scale create(Settings settings, PluginContext context) {
            int[] count = {initial};
            return new Scale() {
                @Override
                public int current() {
                    return count[0];
                }

                @Override
                public int scaleTo(int target) {
                    count[0] = target;
                    return target;
                }
            };
        }
    }

    /** Records every notification the group is told. */
    private record Recording(List<Notification> told) implements NotifyProvider {
        @Override
        public String id() {
            return "recording";
        }

        @Override
        public String description() {
            return "records notifications";
        }

        @Override
        public Notify create(Settings settings, PluginContext context) {
            return told::add;
        }
    }

    /** The run's log is not what this test compares. */
    private static final System.Logger SILENT = new System.Logger() {
        @Override
        public String getName() {
            return "silent";
        }

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        }
    };
}
