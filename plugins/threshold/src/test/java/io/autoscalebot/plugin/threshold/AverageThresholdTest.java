package io.autoscalebot.plugin.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.testkit.TestSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AverageThresholdTest {

    private final AverageThresholdProvider provider = new AverageThresholdProvider();

    /** The response-time bounds most of these tests read easily; the provider's own defaults are tested below. */
    private Decide defaults() throws Exception {
        return Tick.decider(provider, Map.of("min_value", 400, "max_value", 1200));
    }

    @Test
    void defaultsToTheOriginalsQueueSizeBounds() throws Exception {
        Decision decision = new Tick().current(2).values(25, 30, 21).decideWith(Tick.decider(provider, Map.of()));

        assertThat(decision.target()).hasValue(3);
        assertThat(decision.reason()).contains("above 20");
    }

    @Test
    void averagesTheNewestMeasurementsNotTheOldest() throws Exception {
        Decision decision = new Tick().current(2).values(100, 100, 100, 1300, 1400, 1500).decideWith(defaults());

        assertThat(decision.target()).hasValue(3);
        assertThat(decision.reason()).isEqualTo(
                "the last 3 measurements average 1400 ms, above 1200 ms (1300, 1400, 1500)");
    }

    @Test
    void scalesDownWhenTheAverageIsBelowMin() throws Exception {
        Decision decision = new Tick().current(2).values(1500, 1500, 300, 350, 100).decideWith(defaults());

        assertThat(decision.target()).hasValue(1);
        assertThat(decision.reason()).isEqualTo("the last 3 measurements average 250 ms, below 400 ms (300, 350, 100)");
    }

    @Test
    void holdsWhenTheAverageIsBetweenTheThresholds() throws Exception {
        Decision decision = new Tick().values(1500, 300, 500).decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo(
                "the last 3 measurements average 766.67 ms, between 400 and 1200 ms (1500, 300, 500)");
    }

    @Test
    void holdsWhenTheMeasurementFailed() throws Exception {
        Decision decision = new Tick().values(100, 100, 100).failed("connection refused").decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo("the latest measurement failed: connection refused");
    }

    @Test
    void averagesOnlySuccessfulMeasurementsSkippingOlderFailuresAndInstructions() throws Exception {
        Decision decision = new Tick().values(1300).failed("timed out").instruction(Instruction.Action.UP)
                .values(1400, 1500).decideWith(defaults());

        assertThat(decision.target()).hasValue(3);
        assertThat(decision.reason()).contains("(1300, 1400, 1500)");
    }

    @Test
    void holdsUntilEnoughMeasurementsSinceTheLastScale() throws Exception {
        Tick tick = new Tick().values(1500, 1500).scaled(2, 3).values(1500, 1500);

        Decision decision = tick.after(Duration.ofMinutes(1)).decideWith(defaults());

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo("waiting for 3 successful measurements to average, have 2");
    }

    @Test
    void holdsDuringThePostScaleWait() throws Exception {
        Tick tick = new Tick().scaled(2, 3).values(1500, 1500, 1500);

        Decision decision = tick.after(Duration.ofSeconds(2)).decideWith(defaults());

        assertThat(decision.reason()).isEqualTo("waiting 3s more after the scale at 11:59:55");
    }

    @Test
    void takesAverageOverInsteadOfFailsAndPasses() {
        assertThat(provider.settings()).extracting(s -> s.name())
                .contains("average_over").doesNotContain("fails", "passes");
        assertThat(provider.settings()).filteredOn(s -> s.name().equals("average_over"))
                .extracting(s -> s.defaultValue()).containsExactly(3);
    }

    @Test
    void refusesAHistoryTooShortToAverageAtTheCount() {
        assertThat(TestSettings.problems(provider, Map.of("average_over", 4, "history", 3)))
                .extracting(SettingProblem::key, SettingProblem::message).containsExactly(tuple("average_over",
                        "average_over (4) needs more measurements than history (3) keeps; raise history to at least 4"
                                + " or lower average_over"));
    }

    @Test
    void refusesAMinValueAboveTheMaxValueAtTheMinValue() {
        assertThat(TestSettings.problems(provider, Map.of("min_value", 50, "max_value", 10)))
                .extracting(SettingProblem::key).containsExactly("min_value");
    }
}
