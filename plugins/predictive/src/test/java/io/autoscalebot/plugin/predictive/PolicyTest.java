package io.autoscalebot.plugin.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static Policy policy(double target, double headroom) {
        return new Policy(target, headroom, Duration.ofMinutes(2), Duration.ofMinutes(15), 0.3, 0.5,
                Duration.ofMinutes(10), 0.5, Duration.ofHours(1), Duration.ofMinutes(15));
    }

    @Test
    void addsSpareProcessesInProportionToTheSquareRootOfTheBusyOnes() {
        Policy policy = policy(0.9, 0.75);

        // 4 / 0.9 + 0.75 x 2 = 5.94; 16 / 0.9 + 0.75 x 4 = 20.78; 400 / 0.9 + 0.75 x 20 = 459.4
        assertThat(policy.processesFor(4)).isEqualTo(6);
        assertThat(policy.processesFor(16)).isEqualTo(21);
        assertThat(policy.processesFor(400)).isEqualTo(460);
        assertThat(policy.explain(16)).isEqualTo("ceil(16.00 / 0.90 + 0.75 x sqrt(16.00))");
    }

    @Test
    void aCapLimitsTheTargetsAndHeadroomsSpare() {
        Policy policy = policy(0.9, 0.75);

        // 16 / 0.9 + 0.75 x 4 = 20.78 uncapped; at most 16 + 1.5 = 17.5 with a cap of 1.5; a cap above 4.78 changes nothing.
        assertThat(policy.processesFor(16, 1.5)).isEqualTo(18);
        assertThat(policy.processesFor(16, 0)).isEqualTo(16);
        assertThat(policy.processesFor(16, 10)).isEqualTo(21);
    }

    @Test
    void tracksTheTargetAloneWithoutHeadroom() {
        Policy policy = policy(0.7, 0);

        assertThat(policy.processesFor(7)).isEqualTo(10);
        assertThat(policy.processesFor(0)).isZero();
        assertThat(policy.explain(7)).isEqualTo("ceil(7.00 / 0.70)");
    }
}
