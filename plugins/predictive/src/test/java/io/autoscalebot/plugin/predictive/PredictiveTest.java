package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.testkit.CapturingLogger;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The predictive decider against a synthetic office-hours load: 5 busy processes at night, 20 from 09:00 to 17:00.
 */
class PredictiveTest {

    // A Monday, so the first day fills the daily profile and the Tuesday after is forecast from it.
    private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant TUESDAY = MONDAY.plus(Duration.ofDays(1));
    private static final Function<Instant, Double> OFFICE_HOURS = time -> {
        LocalTime clock = LocalTime.ofInstant(time, ZoneOffset.UTC);
        return clock.getHour() >= 9 && clock.getHour() < 17 ? 20.0 : 5.0;
    };
    private static final Map<String, Object> SETTINGS = Map.of("target", 0.7, "headroom", 0, "lead", "5m",
            "bucket", "15m", "hold_down", "10m", "max_error", 0.3);

    @TempDir
    Path state;

    private final CapturingLogger logger = new CapturingLogger();

    private Decide predictive(boolean dryRun) throws Exception {
        PredictiveProvider provider = new PredictiveProvider();
        return provider.create(TestSettings.resolve(provider, SETTINGS),
                TestContexts.plugin().clock(Clock.fixed(MONDAY, ZoneOffset.UTC)).logger(logger).stateDirectory(state)
                        .dryRun(dryRun).build());
    }

    private static SyntheticGroup learntMonday(Decide decide) throws Exception {
        SyntheticGroup group = new SyntheticGroup(decide, 8);
        group.run(MONDAY, TUESDAY, OFFICE_HOURS);
        return group;
    }

    private static Optional<SyntheticGroup.Tick> firstScaleUp(List<SyntheticGroup.Tick> ticks) {
        return ticks.stream().filter(tick -> tick.decision().target().orElse(0) > tick.running()).findFirst();
    }

    @Test
    void scalesBeforeTheMorningRiseOnceItHasLearntADay() throws Exception {
        SyntheticGroup group = learntMonday(predictive(false));

        List<SyntheticGroup.Tick> tuesdayMorning = group.run(TUESDAY.plus(Duration.ofHours(8)),
                TUESDAY.plus(Duration.ofHours(9)), OFFICE_HOURS);

        SyntheticGroup.Tick ahead = firstScaleUp(tuesdayMorning).orElseThrow();
        assertThat(ahead.time()).isEqualTo(TUESDAY.plus(Duration.ofMinutes(8 * 60 + 55)));
        assertThat(ahead.load()).isEqualTo(5.0);
        assertThat(ahead.decision().target().getAsInt()).isGreaterThanOrEqualTo(25);
        assertThat(ahead.decision().reason()).contains("forecast").contains("by 09:00 UTC (daily profile");
    }

    private Decide flooredPredictive(boolean floorAhead) throws Exception {
        PredictiveProvider provider = new PredictiveProvider();
        Map<String, Object> settings = new java.util.HashMap<>(SETTINGS);
        settings.putAll(Map.of("service_time", "200ms", "response_goal", "500ms", "floor_headroom", 0,
                "floor_spread", 0, "target", 1, "floor_ahead", floorAhead));
        return provider.create(TestSettings.resolve(provider, settings),
                TestContexts.plugin().clock(Clock.fixed(MONDAY, ZoneOffset.UTC)).stateDirectory(state).dryRun(true)
                        .build());
    }

    @Test
    void floorAheadStartsTheQueueingModelsSpareBeforeTheForecastRise() throws Exception {
        Instant before = TUESDAY.plus(Duration.ofMinutes(8 * 60 + 58));

        SyntheticGroup ahead = learntMonday(flooredPredictive(true));
        SyntheticGroup.Tick aheadTick = last(ahead.run(TUESDAY.plus(Duration.ofHours(8)), before, OFFICE_HOURS));
        SyntheticGroup now = learntMonday(flooredPredictive(false));
        SyntheticGroup.Tick nowTick = last(now.run(TUESDAY.plus(Duration.ofHours(8)), before, OFFICE_HOURS));

        // At 08:57, 5 busy processes now and the morning rise expected by 09:00. Without floor_ahead the forecast
        // load runs at target 1 (no spare) and the floor covers the 5 now; with it, the floor covers the forecast.
        assertThat(nowTick.load()).isEqualTo(5.0);
        assertThat(aheadTick.load()).isEqualTo(5.0);
        assertThat(nowTick.decision().reason()).doesNotContain("queue floor");
        QueueFloor model = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0);
        assertThat(ahead.running()).isEqualTo(model.processesFor(now.running(), 0)).isGreaterThan(now.running());
        assertThat(aheadTick.decision().reason()).contains("queue floor " + ahead.running());
    }

    private static SyntheticGroup.Tick last(List<SyntheticGroup.Tick> ticks) {
        return ticks.get(ticks.size() - 1);
    }

    @Test
    void scalesReactivelyWhileTheComingHoursAreNotLearnt() throws Exception {
        SyntheticGroup group = new SyntheticGroup(predictive(false), 8);

        List<SyntheticGroup.Tick> mondayMorning = group.run(MONDAY.plus(Duration.ofHours(8)),
                MONDAY.plus(Duration.ofMinutes(9 * 60 + 1)), OFFICE_HOURS);

        SyntheticGroup.Tick first = firstScaleUp(mondayMorning).orElseThrow();
        assertThat(first.time()).isEqualTo(MONDAY.plus(Duration.ofHours(9)));
        assertThat(first.decision().reason()).startsWith("reactive, the profile has not learnt the next 5m yet");
    }

    @Test
    void neverRunsFewerThanTheQueueingModelNeedsAtTheLoadNow() throws Exception {
        PredictiveProvider provider = new PredictiveProvider();
        Decide decide = provider.create(TestSettings.resolve(provider, Map.of("service_time", "200ms",
                        "response_goal", "500ms", "floor_headroom", 0, "headroom", 0, "target", 1)),
                TestContexts.plugin().clock(Clock.fixed(MONDAY, ZoneOffset.UTC)).stateDirectory(state).dryRun(true)
                        .build());

        // 4 processes 300% busy: 12 busy processes' worth of load arrives, more than target 1 alone would run.
        Decision decision = decide.decide(TestContexts.decide().now(MONDAY).current(4).min(1).max(100)
                .history(List.of(Measurement.of(MONDAY, 3.0, ""))).build());

        int floor = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0).processesFor(12, 0);
        assertThat(floor).isGreaterThan(12);
        assertThat(decision.target()).hasValue(floor);
        assertThat(decision.reason()).contains("queue floor " + floor + " (M/M/c within 500ms at 12.00 busy, 200ms each)");
    }

    @Test
    void floorSpreadBuysSpareForANoisyLoadAndNoneForASteadyOne() throws Exception {
        PredictiveProvider provider = new PredictiveProvider();
        Map<String, Object> settings = Map.of("service_time", "200ms", "response_goal", "500ms", "floor_headroom", 0,
                "floor_spread", 2, "headroom", 0, "target", 1, "lead", "2m", "hold_down", "10m");
        SyntheticGroup steady = new SyntheticGroup(provider.create(TestSettings.resolve(provider, settings),
                TestContexts.plugin().stateDirectory(state.resolve("steady")).dryRun(true).build()), 20);
        SyntheticGroup noisy = new SyntheticGroup(provider.create(TestSettings.resolve(provider, settings),
                TestContexts.plugin().stateDirectory(state.resolve("noisy")).dryRun(true).build()), 20);
        Instant end = MONDAY.plus(Duration.ofHours(2));

        steady.run(MONDAY, end, time -> 10.0);
        // The same mean, swinging by 4 busy processes every two minutes: 8, 8, 12, 12, 8, ...
        noisy.run(MONDAY, end, time -> time.getEpochSecond() / 120 % 2 == 0 ? 8.0 : 12.0);

        QueueFloor model = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0);
        assertThat(steady.running()).isEqualTo(model.processesFor(10, 0));
        // The floor plans for two swings of 4 above the busiest load the hold-down remembers.
        assertThat(noisy.running()).isEqualTo(model.processesFor(12 + 2 * 4, 0));
    }

    private Decide noiseAware(Map<String, Object> extra, String name) throws Exception {
        PredictiveProvider provider = new PredictiveProvider();
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("service_time", "200ms",
                "response_goal", "500ms", "floor_headroom", 0, "floor_spread", 0, "headroom", 0, "target", 1,
                "lead", "2m", "hold_down", "3m"));
        settings.putAll(extra);
        return provider.create(TestSettings.resolve(provider, settings),
                TestContexts.plugin().stateDirectory(state.resolve(name)).dryRun(true).build());
    }

    @Test
    void levelWindowCoversTheNoiseOnceAroundTheLevelInsteadOfEverySwing() throws Exception {
        // The same mean, 8 and 12 busy processes in turn every two minutes: the swing floor plans for the 12 the
        // hold-down remembers plus two swings of 4 over the 2-minute lead; the level floor for the level near 10 plus
        // two errors of about 2, and never for less than the 12 measured at the busier minutes.
        SyntheticGroup swing = new SyntheticGroup(noiseAware(Map.of("floor_spread", 2), "swing"), 20);
        SyntheticGroup level = new SyntheticGroup(noiseAware(Map.of("level_window", "5m", "floor_noise", 2),
                "level"), 20);
        Instant end = MONDAY.plus(Duration.ofHours(3));
        Function<Instant, Double> alternating = time -> time.getEpochSecond() / 120 % 2 == 0 ? 8.0 : 12.0;

        swing.run(MONDAY, end, alternating);
        List<SyntheticGroup.Tick> ticks = level.run(MONDAY, end, alternating);

        QueueFloor model = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0);
        assertThat(swing.running()).isEqualTo(model.processesAt(12 + 2 * 4));
        assertThat(level.running()).isBetween(model.processesAt(12), model.processesAt(10 + 2 * 2.5))
                .isLessThan(swing.running());
        assertThat(last(ticks).decision().reason()).contains("queue floor");
    }

    @Test
    void levelWindowStillAnswersAStepAtOnceThoughTheLevelLags() throws Exception {
        SyntheticGroup group = new SyntheticGroup(noiseAware(Map.of("level_window", "10m", "floor_noise", 2),
                "step"), 8);
        Instant step = MONDAY.plus(Duration.ofHours(1));
        group.run(MONDAY, step, time -> 5.0);

        // The load triples from one minute to the next. The group measures its processes 100% busy (capped, as a real
        // utilisation is), so it sees as many busy as it runs; a 10-minute level has moved a tenth of the way, yet every
        // tick scales at once to the floor at the load measured.
        List<SyntheticGroup.Tick> ticks = group.run(step, step.plus(Duration.ofMinutes(3)), time -> 15.0);

        QueueFloor model = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0);
        assertThat(ticks).allSatisfy(tick -> assertThat(tick.decision().target().orElse(0))
                .isGreaterThanOrEqualTo(model.processesAt(tick.running())).isGreaterThan(tick.running()));
    }

    @Test
    void noiseSlotAndGuardNoiseSpareAnHourlyLoadAroundItsStepsNotAllHour() throws Exception {
        // Hourly page views replayed a minute at a time: the load holds still within each hour and steps on the hour,
        // up and down by up to 8 busy processes, the same every day. The third round's guards (a share of the load)
        // are paid all hour; with the noise learnt by 5-minute slot of the day and the guards capped at 6 of it, the
        // spare is paid where the load errs, after the steps, while the forecast still scales ahead of each step.
        Function<Instant, Double> hourly = time -> 6.0 + 2 * (LocalTime.ofInstant(time, ZoneOffset.UTC).getHour() * 7 % 5);
        Map<String, Object> guards = Map.of("target", 0.9, "headroom", 0.5, "floor_headroom", 0.2, "floor_spread", 2,
                "level_window", "5m", "floor_noise", 2.5);
        Map<String, Object> slotted = new java.util.HashMap<>(guards);
        slotted.putAll(Map.of("noise_slot", "5m", "guard_noise", 6));
        SyntheticGroup allHour = new SyntheticGroup(noiseAware(guards, "all-hour"), 10);
        SyntheticGroup aroundSteps = new SyntheticGroup(noiseAware(slotted, "around-steps"), 10);
        Instant wednesday = TUESDAY.plus(Duration.ofDays(1));
        allHour.run(MONDAY, wednesday, hourly);
        aroundSteps.run(MONDAY, wednesday, hourly);

        List<SyntheticGroup.Tick> paidAllHour = allHour.run(wednesday, wednesday.plus(Duration.ofDays(1)), hourly);
        List<SyntheticGroup.Tick> paidAroundSteps = aroundSteps.run(wednesday, wednesday.plus(Duration.ofDays(1)),
                hourly);

        QueueFloor model = new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0);
        long allHourMinutes = 0;
        long aroundStepsMinutes = 0;
        for (int minute = 0; minute < paidAroundSteps.size(); minute++) {
            SyntheticGroup.Tick tick = paidAroundSteps.get(minute);
            allHourMinutes += paidAllHour.get(minute).running();
            aroundStepsMinutes += tick.running();
            if (minute % 60 == 30) {
                // Mid-hour: never below the queueing model's count for the hour's load, and fewer than with the
                // guards paid all hour (what is left over the model is the level's lag after the step, still noise).
                assertThat(tick.running()).as("minute %d", minute)
                        .isGreaterThanOrEqualTo(model.processesAt(tick.load()))
                        .isLessThan(paidAllHour.get(minute).running());
            }
            double next = hourly.apply(tick.time().plus(Duration.ofMinutes(2)));
            if (minute % 60 == 58 && next > tick.load()) {
                // A lead before a step up: enough for the coming hour's load already.
                assertThat(tick.decision().target().orElse(tick.running())).as("minute %d", minute)
                        .isGreaterThanOrEqualTo(model.processesAt(next));
            }
        }
        assertThat(aroundStepsMinutes).isLessThan(allHourMinutes);
    }

    @Test
    void downStepFollowsAFallAFewProcessesATick() throws Exception {
        SyntheticGroup group = new SyntheticGroup(noiseAware(Map.of("down_step", 2, "hold_down", "0s"), "down"), 30);
        Instant fall = MONDAY.plus(Duration.ofHours(1));
        group.run(MONDAY, fall, time -> 20.0);
        int before = group.running();

        List<SyntheticGroup.Tick> ticks = group.run(fall, fall.plus(Duration.ofMinutes(30)), time -> 2.0);

        assertThat(ticks.get(0).decision().target()).hasValue(before - 2);
        assertThat(ticks.get(0).decision().reason()).endsWith("; down_step 2 keeps " + (before - 2));
        assertThat(ticks).allSatisfy(tick -> assertThat(tick.decision().target().orElse(tick.running()))
                .isGreaterThanOrEqualTo(tick.running() - 2));
        assertThat(group.running()).isEqualTo(new QueueFloor(Duration.ofMillis(200), Duration.ofMillis(500), 0, 0)
                .processesAt(2));
    }

    @Test
    void fallsBackToReactiveScalingOnAnUnforeseenSpike() throws Exception {
        SyntheticGroup group = learntMonday(predictive(false));
        Instant spike = TUESDAY.plus(Duration.ofHours(3));

        List<SyntheticGroup.Tick> ticks = group.run(spike, spike.plus(Duration.ofHours(1)),
                time -> time.isBefore(spike) ? 5.0 : 15.0);

        assertThat(ticks.get(0).decision().target().getAsInt())
                .as("the measured load is a floor under any forecast").isGreaterThan(ticks.get(0).running());
        assertThat(ticks).anySatisfy(tick -> assertThat(tick.decision().reason())
                .startsWith("reactive, recent forecasts were off by").contains("more than max_error 30%"));
        assertThat(group.running()).isEqualTo(22);
    }

    @Test
    void keepsProcessesThroughTheHoldDownBeforeScalingDown() throws Exception {
        SyntheticGroup group = learntMonday(predictive(false));
        Instant evening = TUESDAY.plus(Duration.ofHours(17));
        group.run(TUESDAY, evening, OFFICE_HOURS);

        List<SyntheticGroup.Tick> ticks = group.run(evening, evening.plus(Duration.ofMinutes(30)), OFFICE_HOURS);

        SyntheticGroup.Tick down = ticks.stream().filter(tick -> tick.decision().target().orElse(1000) < tick.running())
                .findFirst().orElseThrow();
        // 29 processes were last wanted at 16:59, the last busy minute; the window forgets that at 17:09.
        assertThat(down.time()).isEqualTo(evening.plus(Duration.ofMinutes(9)));
        assertThat(down.decision().target()).hasValue(8);
        assertThat(ticks.get(1).decision().reason()).contains("hold-down 10m keeps");
    }

    @Test
    void restoresItsProfileFromTheStateDirectory() throws Exception {
        Decide monday = predictive(false);
        learntMonday(monday);
        monday.teardown();

        SyntheticGroup restarted = new SyntheticGroup(predictive(false), 8);
        List<SyntheticGroup.Tick> tuesdayMorning = restarted.run(TUESDAY.plus(Duration.ofHours(8)),
                TUESDAY.plus(Duration.ofHours(9)), OFFICE_HOURS);

        assertThat(state.resolve(ProfileFile.NAME)).exists();
        assertThat(logger.lines()).anySatisfy(line -> assertThat(line).contains("restored the learnt profile"));
        assertThat(firstScaleUp(tuesdayMorning).orElseThrow().time())
                .isEqualTo(TUESDAY.plus(Duration.ofMinutes(8 * 60 + 55)));
    }

    @Test
    void savesPeriodicallyWhileDeciding() throws Exception {
        SyntheticGroup group = new SyntheticGroup(predictive(false), 8);

        group.run(MONDAY, MONDAY.plus(Duration.ofMinutes(31)), OFFICE_HOURS);

        assertThat(Files.readString(state.resolve(ProfileFile.NAME))).contains("weekly,0,5.0,5.0,1");
    }

    @Test
    void neverWritesTheProfileInADryRun() throws Exception {
        Decide dryRun = predictive(true);
        learntMonday(dryRun);

        dryRun.teardown();

        assertThat(state.resolve(ProfileFile.NAME)).doesNotExist();
    }

    @Test
    void learnsAfreshWhenTheSavedProfileIsUnusable() throws Exception {
        Files.writeString(state.resolve(ProfileFile.NAME), "format,1\nbucket_seconds,3600\n");

        SyntheticGroup group = new SyntheticGroup(predictive(false), 8);
        List<SyntheticGroup.Tick> ticks = group.run(TUESDAY, TUESDAY.plus(Duration.ofMinutes(1)), OFFICE_HOURS);

        assertThat(logger.lines()).anySatisfy(line -> assertThat(line)
                .contains("ignoring the learnt profile")
                .contains("line 2: it was learnt with buckets of 3600s, but the setting 'bucket' is now 900s"));
        assertThat(ticks.get(0).decision().reason()).startsWith("reactive, the profile has not learnt");
    }

    @Test
    void takesTheLoadFromTheProcessesServingBeforeAScaleUpThatIsStillBooting() throws Exception {
        ScaleEvent justStarted = TestContexts.scale(MONDAY.minus(Duration.ofMinutes(1)), 10, 20);

        Decision decision = predictive(false).decide(TestContexts.decide().now(MONDAY).current(20).min(1).max(100)
                .history(List.of(Measurement.of(MONDAY, 1.0, ""))).lastScale(justStarted).build());

        // The 10 new processes boot for up to the 5m lead: the 10 old ones are the fully busy ones, not 20.
        assertThat(decision.reason()).contains("ceil(10.00 / 0.70) = 15");
    }

    @Test
    void holdsOnAMeasurementThatIsNotAUtilisation() throws Exception {
        Decision decision = predictive(false).decide(TestContexts.decide().now(MONDAY).current(3).min(1).max(10)
                .history(List.of(Measurement.of(MONDAY, 512, "ms"))).build());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).contains("needs a utilisation").contains("reported 512 ms");
    }

    @Test
    void readsAUtilisationInPercent() throws Exception {
        Decision decision = predictive(false).decide(TestContexts.decide().now(MONDAY).current(10).min(1).max(100)
                .history(List.of(Measurement.of(MONDAY, 70, "%"))).build());

        assertThat(decision.reason()).contains("ceil(7.00 / 0.70) = 10");
    }

    @Test
    void holdsWhenTheMeasurementFailed() throws Exception {
        Decision decision = predictive(false).decide(TestContexts.decide().now(MONDAY).current(3).min(1).max(10)
                .history(List.of(Measurement.failed(MONDAY, "timeout"))).build());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo("the newest measurement failed (timeout)");
    }

    @Test
    void holdsOnANegativeUtilisation() throws Exception {
        Decision decision = predictive(false).decide(TestContexts.decide().now(MONDAY).current(3).min(1).max(10)
                .history(List.of(Measurement.of(MONDAY, -0.5, ""))).build());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).contains("utilisation is negative");
    }
}
