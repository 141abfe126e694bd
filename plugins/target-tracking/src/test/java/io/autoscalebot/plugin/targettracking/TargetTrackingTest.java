package io.autoscalebot.plugin.targettracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.testkit.DecideContextBuilder;
import io.autoscalebot.testkit.TestContexts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Worked examples from the Kubernetes documentation, "Horizontal Pod Autoscaling", sections "Algorithm details" and
 * "Configurable scaling behavior" / "Default Behavior" (kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale).
 */
class TargetTrackingTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static TargetTracking hpaDefaults(double target) {
        return new TargetTracking(target, 0.1, ScalingRules.hpaUp(), ScalingRules.hpaDown());
    }

    private static DecideContext context(Instant now, int current, double measured) {
        return context(now, current, measured, Optional.empty());
    }

    private static DecideContext context(Instant now, int current, double measured, Optional<ScaleEvent> lastScale) {
        DecideContextBuilder context = TestContexts.decide().now(now).current(current).min(0).max(1000)
                .history(List.of(Measurement.of(now, measured, "m")));
        lastScale.ifPresent(context::lastScale);
        return context.build();
    }

    @Test
    void showsItsTargetAsAGuideLineForTheDashboard() {
        assertThat(hpaDefaults(80).guideLines()).containsExactly(new GuideLine("target", 80));
    }

    @Test
    void doublesTheCountWhenTheMetricIsTwiceTheTarget() {
        // Docs: "if the current metric value is 200m, and the desired value is 100m, the number of replicas will be
        // doubled, since 200.0 / 100.0 == 2.0".
        Decision decision = hpaDefaults(100).decide(context(T0, 1, 200));

        assertThat(decision.target()).hasValue(2);
        assertThat(decision.reason()).isEqualTo("measured 200.00 m vs target 100.00 m: ceil(1 x 2.00) = 2");
    }

    @Test
    void halvesTheCountWhenTheMetricIsHalfTheTarget() {
        // Docs: "If the current value is instead 50m, you'll halve the number of replicas, since 50.0 / 100.0 == 0.5".
        // A fresh instance has no earlier recommendation in its scale-down window, so it acts on 2 at once.
        Decision decision = hpaDefaults(100).decide(context(T0, 4, 50));

        assertThat(decision.target()).hasValue(2);
        assertThat(decision.reason()).contains("ceil(4 x 0.50) = 2");
    }

    @Test
    void roundsTheProportionalCountUp() {
        // The brief's example: 3 processes at 0.91 against 0.70 is a ratio of 1.30: ceil(3.9) = 4.
        Decision decision = hpaDefaults(0.70).decide(TestContexts.decide().now(T0).current(3).min(1).max(10)
                .history(List.of(Measurement.of(T0, 0.91, ""))).build());

        assertThat(decision.target()).hasValue(4);
        assertThat(decision.reason()).isEqualTo("measured 0.91 vs target 0.70: ceil(3 x 1.30) = 4");
    }

    @Test
    void holdsWhileTheRatioIsWithinTheTolerance() {
        // Docs: "The control plane skips any scaling action if the ratio is sufficiently close to 1.0 (within a
        // configurable tolerance, 0.1 by default)."
        Decision within = hpaDefaults(100).decide(context(T0, 10, 109));
        Decision beyond = hpaDefaults(100).decide(context(T0, 10, 112));

        assertThat(within.isHold()).isTrue();
        assertThat(within.reason()).contains("ratio 1.09 is within the tolerance of 0.10");
        assertThat(beyond.target()).hasValue(12);
    }

    @Test
    void keepsTheHighestRecommendationOfTheLastFiveMinutesBeforeScalingDown() {
        // Docs (Default Behavior): "For scaling down the stabilization window is 300 seconds"; "When the metrics
        // indicate that the target should be scaled down the algorithm looks into previously computed desired states,
        // and uses the highest value from the specified interval."
        TargetTracking tracker = hpaDefaults(100);
        tracker.decide(context(T0, 10, 100));                                  // recommends 10 at T0

        Decision dip = tracker.decide(context(T0.plusSeconds(60), 10, 50));    // recommends 5, but 10 is in the window
        Decision later = tracker.decide(context(T0.plusSeconds(301), 10, 50)); // T0's 10 has left the window

        assertThat(dip.isHold()).isTrue();
        assertThat(dip.reason()).contains("the 300s scale-down stabilization window keeps it at 10");
        assertThat(later.target()).hasValue(5);
    }

    @Test
    void scalesUpAtOnceBecauseTheDefaultScaleUpWindowIsZero() {
        // Docs (Default Behavior): "for scaling up there is no stabilization window. When the metrics indicate that
        // the target should be scaled up the target is scaled up immediately."
        TargetTracking tracker = hpaDefaults(100);
        tracker.decide(context(T0, 4, 100));

        Decision spike = tracker.decide(context(T0.plusSeconds(1), 4, 150));

        assertThat(spike.target()).hasValue(6);
    }

    @Test
    void usesTheLowestRecommendationOfAScaleUpWindow() {
        ScalingRules slowUp = new ScalingRules(ScalingRules.Direction.UP, Duration.ofSeconds(120), OptionalInt.of(100),
                OptionalInt.of(4), Duration.ofSeconds(15), SelectPolicy.MAX);
        TargetTracking tracker = new TargetTracking(100, 0.1, slowUp, ScalingRules.hpaDown());
        tracker.decide(context(T0, 4, 150));                                    // recommends 6

        Decision decision = tracker.decide(context(T0.plusSeconds(30), 4, 300)); // recommends 12, the window says 6

        assertThat(decision.target()).hasValue(6);
        assertThat(decision.reason()).contains("the 120s scale-up stabilization window keeps it at 6");
    }

    @Test
    void defaultPoliciesLimitAJumpFromOneToHundreds() {
        // Docs (Default Behavior): "There are 2 policies where 4 pods or a 100% of the currently running replicas may
        // at most be added every 15 seconds till the HPA reaches its steady state."
        TargetTracking tracker = hpaDefaults(100);

        Decision first = tracker.decide(context(T0, 1, 50_000));               // wants 500: max(1 x 200%, 1 + 4) = 5
        ScaleEvent scaled = TestContexts.scale(T0, 1, 5);
        Decision tooSoon = tracker.decide(context(T0.plusSeconds(10), 5, 50_000, Optional.of(scaled)));
        Decision nextPeriod = tracker.decide(context(T0.plusSeconds(16), 5, 50_000, Optional.of(scaled)));

        assertThat(first.target()).hasValue(5);
        assertThat(first.reason()).contains("ceil(1 x 500.00) = 500")
                .contains("the scale-up policy max(100% per 15s, 4 per 15s) allows 5 now");
        // Within the 15 s period 4 were already added to a period start of 1: still max(2, 5) = 5.
        assertThat(tooSoon.isHold()).isTrue();
        // The scale left the period: the start is 5, so max(10, 9) = 10.
        assertThat(nextPeriod.target()).hasValue(10);
    }

    @Test
    void aRestartedTrackerCountsEveryRecentScaleTheEngineRemembers() {
        // Two scale-ups within the 15 s period before a restart: 1 -> 3 -> 5. Knowing only the last (3 -> 5), the
        // period would start at 3 and allow max(6, 7) = 7; counting both, it starts at 1 and allows max(2, 5) = 5.
        ScaleEvent first = TestContexts.scale(T0, 1, 3);
        ScaleEvent second = TestContexts.scale(T0.plusSeconds(5), 3, 5);
        DecideContext afterRestart = TestContexts.decide().now(T0.plusSeconds(10)).current(5).max(1000)
                .history(List.of(Measurement.of(T0.plusSeconds(10), 50_000, "m")))
                .recentScales(List.of(first, second)).build();

        Decision decision = hpaDefaults(100).decide(afterRestart);

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).contains("the scale-up policy max(100% per 15s, 4 per 15s) allows 5 now");
    }

    @Test
    void theMinSelectPolicyTakesTheSmallerChange() {
        ScalingRules cautious = new ScalingRules(ScalingRules.Direction.UP, Duration.ZERO, OptionalInt.of(100),
                OptionalInt.of(4), Duration.ofSeconds(15), SelectPolicy.MIN);
        TargetTracking tracker = new TargetTracking(100, 0.1, cautious, ScalingRules.hpaDown());

        Decision decision = tracker.decide(context(T0, 10, 300)); // wants 30: min(10 x 200% = 20, 10 + 4 = 14)

        assertThat(decision.target()).hasValue(14);
    }

    @Test
    void aDisabledScaleDownNeverRemovesProcesses() {
        // Docs: "selectPolicy: Disabled" turns scaling in that direction off.
        ScalingRules never = new ScalingRules(ScalingRules.Direction.DOWN, Duration.ZERO, OptionalInt.of(100),
                OptionalInt.empty(), Duration.ofSeconds(15), SelectPolicy.DISABLED);
        TargetTracking tracker = new TargetTracking(100, 0.1, ScalingRules.hpaUp(), never);

        Decision decision = tracker.decide(context(T0, 10, 10));

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).contains("the scale-down policy disabled allows 10 now");
    }

    @Test
    void aPercentScaleDownPolicyTruncates() {
        // The HPA controller truncates a percent scale-down: 3 x (1 - 50%) = 1.5 allows going down to 1.
        ScalingRules halfPerMinute = new ScalingRules(ScalingRules.Direction.DOWN, Duration.ZERO, OptionalInt.of(50),
                OptionalInt.empty(), Duration.ofSeconds(60), SelectPolicy.MAX);

        assertThat(halfPerMinute.limit(3, 3)).isEqualTo(1);
        assertThat(ScalingRules.hpaUp().limit(3, 3)).isEqualTo(7);
    }

    @Test
    void staysWithinTheGroupMax() {
        DecideContext context = TestContexts.decide().now(T0).current(2).min(1).max(3)
                .history(List.of(Measurement.of(T0, 300, "ms"))).build();

        Decision decision = hpaDefaults(100).decide(context);

        assertThat(decision.target()).hasValue(3);
        assertThat(decision.reason()).contains("the group's max is 3");
    }

    @Test
    void holdsWhenTheNewestMeasurementFailed() {
        DecideContext context = TestContexts.decide().now(T0).current(2).min(1).max(10)
                .history(List.of(Measurement.failed(T0, "timeout after 10s"))).build();

        Decision decision = hpaDefaults(100).decide(context);

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).isEqualTo("the newest measurement failed (timeout after 10s)");
    }

    @Test
    void holdsOnANegativeMeasurement() {
        Decision decision = hpaDefaults(100).decide(context(T0, 4, -20));

        assertThat(decision.isHold()).isTrue();
        assertThat(decision.reason()).contains("the newest measurement is negative (-20 m)");
    }

    @Test
    void holdsWithoutAnyMeasurementOrProcess() {
        Decision empty = hpaDefaults(100).decide(TestContexts.decide().now(T0).current(2).min(0).max(10).build());
        Decision none = hpaDefaults(100).decide(context(T0, 0, 500));

        assertThat(empty.isHold()).isTrue();
        assertThat(empty.reason()).isEqualTo("no measurement yet");
        assertThat(none.isHold()).isTrue();
        assertThat(none.reason()).contains("set the group's min to at least 1");
    }
}
