package io.autoscalebot.plugin.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.testkit.TestSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsecutiveThresholdTest {

    private final ConsecutiveThresholdProvider provider = new ConsecutiveThresholdProvider();

    private Decide defaults() throws Exception {
        return Tick.decider(provider, Map.of());
    }

    @Test
    void showsItsThresholdsAsGuideLinesForTheDashboard() throws Exception {
        Decide decide = Tick.decider(provider, Map.of("max_value", 900, "min_value", 300));

        assertThat(decide.guideLines()).containsExactly(new GuideLine("scale up above", 900),
                new GuideLine("scale down below", 300));
    }

    @Test
    void scalesUpAfterFailsConsecutiveMeasurementsAboveMax() throws Exception {
        Decision decision = new Tick().current(2).values(800, 1340, 1502, 1290).decideWith(defaults());

        assertThat(decision.target()).hasValue(3);
        assertThat(decision.reason()).isEqualTo("3 of the last 3 measurements above 1200 ms (1340, 1502, 1290)");
    }

    @Test
    void holdsWhileTheStreakIsShorterThanFails() throws Exception {
        Decision decision = new Tick().values(800, 1340, 1502).decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo(
                "only the last 2 measurements are above 1200 ms (1340, 1502); scaling up needs 3 in a row");
    }

    @Test
    void scalesDownAfterPassesConsecutiveMeasurementsBelowMin() throws Exception {
        Decision decision = new Tick().current(3).values(300, 250, 390, 100, 120).decideWith(defaults());

        assertThat(decision.target()).hasValue(2);
        assertThat(decision.reason()).isEqualTo("5 of the last 5 measurements below 400 ms (300, 250, 390, 100, 120)");
    }

    @Test
    void holdsWhileTheFastStreakIsShorterThanPasses() throws Exception {
        Decision decision = new Tick().values(300, 250, 390, 100).decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo(
                "only the last 4 measurements are below 400 ms (300, 250, 390, 100); scaling down needs 5 in a row");
    }

    @Test
    void holdsWhenTheLatestMeasurementIsBetweenTheThresholds() throws Exception {
        Decision decision = new Tick().values(1340, 1502, 800).decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo("the latest measurement, 800 ms, is between 400 and 1200 ms");
    }

    @Test
    void aValueOnTheThresholdIsNeitherTooSlowNorFastEnough() throws Exception {
        Decision decision = new Tick().values(1340, 1502, 1200).decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
    }

    @Test
    void holdsWhenTheMeasurementFailedInsteadOfReadingItAsFast() throws Exception {
        Decision decision = new Tick().values(300, 250, 390, 100).failed("GET http://app/health timed out after 10s")
                .decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason())
                .isEqualTo("the latest measurement failed: GET http://app/health timed out after 10s");
    }

    @Test
    void aFailedMeasurementBreaksTheStreak() throws Exception {
        Decision decision = new Tick().values(1340, 1502).failed("connection refused").values(1290, 1400)
                .decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).startsWith("only the last 2 measurements are above 1200 ms (1290, 1400)");
    }

    @Test
    void ignoresInstructionMeasurements() throws Exception {
        Decision decision = new Tick().values(1340).instruction(Instruction.Action.DOWN).values(1502, 1290)
                .decideWith(defaults());

        assertThat(decision.target()).hasValue(3);
        assertThat(decision.reason()).contains("(1340, 1502, 1290)");
    }

    @Test
    void holdsDuringThePostScaleWaitSayingHowLongIsLeft() throws Exception {
        Decide decide = Tick.decider(provider, Map.of("post_scale_wait", "60s"));
        Tick tick = new Tick().scaled(2, 3).values(1340, 1502, 1290);

        Decision decision = tick.after(Duration.ofSeconds(15)).decideWith(decide);

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo("waiting 45s more after the scale at 11:59:55");
    }

    @Test
    void decidesAgainOnceThePostScaleWaitIsOver() throws Exception {
        Decide decide = Tick.decider(provider, Map.of("post_scale_wait", "60s"));
        Tick tick = new Tick().current(3).scaled(2, 3).values(1340, 1502, 1290);

        Decision decision = tick.after(Duration.ofSeconds(60)).decideWith(decide);

        assertThat(decision.target()).hasValue(4);
    }

    @Test
    void onlyMeasurementsTakenAfterTheLastScaleCountTowardsAStreak() throws Exception {
        Tick tick = new Tick().current(3).values(1340, 1502).scaled(2, 3).values(1290);

        Decision decision = tick.after(Duration.ofMinutes(1)).decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).startsWith("only the latest measurement is above 1200 ms (1290)");
    }

    @Test
    void holdsWithNoMeasurementsSinceTheLastScale() throws Exception {
        Tick tick = new Tick().values(1340, 1502, 1290).scaled(2, 3);

        Decision decision = tick.after(Duration.ofMinutes(1)).decideWith(defaults());

        assertThat(decision.reason()).isEqualTo("no measurements since the scale at 12:00:25");
    }

    @Test
    void aDeciderCreatedAfterARestartStillWaitsAfterTheScaleTheEngineRemembers() throws Exception {
        Tick tick = new Tick().scaled(2, 3).values(1340, 1502, 1290).after(Duration.ofSeconds(20));
        Decide beforeRestart = Tick.decider(provider, Map.of("post_scale_wait", "90s"));
        Decide afterRestart = Tick.decider(provider, Map.of("post_scale_wait", "90s"));

        assertThat(beforeRestart.decide(tick.context()).reason()).isEqualTo("waiting 1m10s more after the scale at 11:59:55");
        assertThat(afterRestart.decide(tick.context()).reason()).isEqualTo("waiting 1m10s more after the scale at 11:59:55");
    }

    @Test
    void movesByTheConfiguredIncrementAndNeverBelowZero() throws Exception {
        Decide decide = Tick.decider(provider, Map.of("increment", 2, "passes", 1, "fails", 1));

        assertThat(new Tick().current(3).values(1500).decideWith(decide).target()).hasValue(5);
        assertThat(new Tick().current(1).values(10).decideWith(decide).target()).hasValue(0);
    }

    @Test
    void readsTheOriginalDefaults() {
        assertThat(provider.settings()).extracting(s -> s.name() + "=" + s.defaultValue()).containsExactly(
                "max_value=1200.0", "min_value=400.0", "increment=1", "post_scale_wait=PT5S", "history=10", "fails=3",
                "passes=5");
    }

    @Test
    void keepsAsManyMeasurementsAsHistorySays() throws Exception {
        assertThat(Tick.decider(provider, Map.of("history", 7)).historySize()).isEqualTo(7);
    }

    @Test
    void refusesAMinValueAboveTheMaxValueAtTheMinValue() {
        assertThat(TestSettings.problems(provider, Map.of("min_value", 50, "max_value", 10))).containsExactly(
                new SettingProblem("min_value", "min_value (50) is above max_value (10); set min_value to at most"
                        + " max_value"));
    }

    @Test
    void refusesAHistoryTooShortForTheStreakAtTheCount() {
        assertThat(TestSettings.problems(provider, Map.of("passes", 12))).containsExactly(new SettingProblem("passes",
                "passes (12) needs more measurements than history (10) keeps; raise history to at least 12 or lower"
                        + " passes"));
    }

    @Test
    void acceptsTheOriginalDefaults() {
        assertThat(TestSettings.problems(provider, Map.of())).isEmpty();
    }
}
