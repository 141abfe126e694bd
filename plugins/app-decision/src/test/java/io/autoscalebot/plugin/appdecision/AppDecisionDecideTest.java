package io.autoscalebot.plugin.appdecision;

import static io.autoscalebot.plugin.appdecision.AppDecisionFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Instruction.Action;
import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppDecisionDecideTest {

    @Test
    void scalesUpByTheIncrement() throws Exception {
        assertThat(decide(Map.of(), 3, instruction(Action.UP)))
                .isEqualTo(Decision.scaleTo(4, "the app asked to scale up"));
        assertThat(decide(Map.of("increment", 2), 3, instruction(Action.UP)).target()).hasValue(5);
    }

    @Test
    void scalesDownByTheIncrement() throws Exception {
        assertThat(decide(Map.of(), 3, instruction(Action.DOWN)))
                .isEqualTo(Decision.scaleTo(2, "the app asked to scale down"));
        assertThat(decide(Map.of("increment", 2), 3, instruction(Action.DOWN)).target()).hasValue(1);
    }

    @Test
    void holdsOnDownWhenNothingRuns() throws Exception {
        Decision decision = decide(Map.of(), 0, instruction(Action.DOWN));

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo("the app asked to scale down; already at 0");
    }

    @Test
    void holdsWhenTheAppSaysSteady() throws Exception {
        assertThat(decide(Map.of(), 3, instruction(Action.STEADY)))
                .isEqualTo(Decision.hold("the app asked to stay at 3"));
    }

    @Test
    void scalesToTheExactCountEvenBeyondTheBoundsWhichTheEngineClamps() throws Exception {
        assertThat(decide(Map.of(), 3, Measurement.instruction(NOW, Instruction.exact(40))))
                .isEqualTo(Decision.scaleTo(40, "the app asked for exactly 40"));
    }

    @Test
    void holdsWhenAlreadyAtTheExactCount() throws Exception {
        assertThat(decide(Map.of(), 3, Measurement.instruction(NOW, Instruction.exact(3))).isHold()).isTrue();
    }

    @Test
    void holdsWithTheReasonWhenTheNewestMeasurementFailed() throws Exception {
        Decision decision = decide(Map.of(), 3, Measurement.failed(NOW, "GET http://app/autoscale answered HTTP 503"));

        assertThat(decision).isEqualTo(
                Decision.hold("the app's newest answer failed: GET http://app/autoscale answered HTTP 503"));
    }

    @Test
    void holdsWhenTheNewestMeasurementIsAValue() throws Exception {
        Decision decision = decide(Map.of(), 3, Measurement.of(NOW, 42, "jobs"));

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).contains("the newest measurement (42 jobs) is not an instruction");
    }

    @Test
    void holdsBeforeTheFirstMeasurement() throws Exception {
        assertThat(decide(Map.of(), 3, List.of())).isEqualTo(Decision.hold("no instruction from the app yet"));
    }

    @Test
    void followsOnlyTheNewestInstruction() throws Exception {
        Decision decision = decide(Map.of(), 3, List.of(instruction(Action.UP), instruction(Action.STEADY)));

        assertThat(decision.isHold()).isTrue();
        assertThat(create(Map.of()).historySize()).isEqualTo(1);
    }

    @Test
    void followsWhatTheMeasureReadFromTheApp() throws Exception {
        try (AppServer app = new AppServer().answer("{\"web\": \"7\"}")) {
            Measurement measured = AppDecisionFixtures.measure(app, Map.of("mode", "instruction")).measure();

            assertThat(decide(Map.of(), 3, measured)).isEqualTo(Decision.scaleTo(7, "the app asked for exactly 7"));
        }
    }

    private static Measurement instruction(Action action) {
        return Measurement.instruction(NOW, Instruction.of(action));
    }

    private static Decision decide(Map<String, Object> settings, int current, Measurement newest) throws Exception {
        return decide(settings, current, List.of(newest));
    }

    private static Decision decide(Map<String, Object> settings, int current, List<Measurement> history)
            throws Exception {
        return create(settings).decide(TestContexts.decide().now(NOW).current(current).min(1).max(10)
                .history(history).build());
    }

    private static Decide create(Map<String, Object> settings) throws Exception {
        AppDecisionDecideProvider provider = new AppDecisionDecideProvider();
        return provider.create(TestSettings.resolve(provider, settings), AppDecisionFixtures.context("web"));
    }
}
