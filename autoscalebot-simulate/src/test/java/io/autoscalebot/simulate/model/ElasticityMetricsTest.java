package io.autoscalebot.simulate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ElasticityMetricsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SLO = Duration.ofMillis(500);

    /*
     * Five one-minute steps, worked by hand:
     *   t         1    2    3    4    5
     *   d         2    3    3    2    2
     *   s         2    2    4    3    2
     *   resp (s)  0.1  0.9  0.1  0.1  0.1
     * theta_U = 100/5 x (1/3)               = 6.667 %   (step 2 misses 1 of 3)
     * theta_O = 100/5 x (1/3 + 1/2)         = 16.667 %  (step 3: 1 of 3 extra, step 4: 1 of 2)
     * tau_U   = 100/5 x 1                   = 20 %
     * tau_O   = 100/5 x 2                   = 40 %
     * moves   ds = 0,+2,-1,-1; dd = +1,0,-1,0: they differ in steps 2, 3 and 5 -> k = 100/4 x 3 = 75 %
     * jitter  E_S = 3, E_D = 2 over 5 min = 1/12 h -> (3 - 2) x 12 = 12 per hour
     * cost    13 process-minutes = 0.21667 h; the oracle (s = d) has 12: ratio 13/12
     * SLO     step 2 is over 0.5 s: 1 minute
     */
    @Test
    void computesEveryMetricOfAHandWorkedSeries() {
        int[] demand = {2, 3, 3, 2, 2};
        Provisioning run = new Provisioning(MINUTE, new int[] {2, 2, 4, 3, 2}, demand,
                new double[] {0.1, 0.9, 0.1, 0.1, 0.1});
        Provisioning oracle = new Provisioning(MINUTE, demand, demand, new double[] {0.1, 0.1, 0.1, 0.1, 0.1});

        ElasticityMetrics metrics = ElasticityMetrics.measure(run, oracle, SLO);

        assertThat(metrics.underProvisioningAccuracy()).isCloseTo(100.0 / 15, within(1e-9));
        assertThat(metrics.overProvisioningAccuracy()).isCloseTo(100.0 / 6, within(1e-9));
        assertThat(metrics.underProvisioningTimeshare()).isEqualTo(20);
        assertThat(metrics.overProvisioningTimeshare()).isEqualTo(40);
        assertThat(metrics.instability()).isEqualTo(75);
        assertThat(metrics.jitterPerHour()).isCloseTo(12, within(1e-9));
        assertThat(metrics.scaleActions()).isEqualTo(3);
        assertThat(metrics.processHours()).isCloseTo(13.0 / 60, within(1e-12));
        assertThat(metrics.costRatio()).isCloseTo(13.0 / 12, within(1e-12));
        assertThat(metrics.sloBrokenMinutes()).isEqualTo(1);
    }

    @Test
    void aPerfectSupplyScoresZeroEverywhereButCost() {
        int[] demand = {1, 4, 2};
        Provisioning perfect = new Provisioning(MINUTE, demand, demand, new double[] {0.1, 0.1, 0.1});

        ElasticityMetrics metrics = ElasticityMetrics.measure(perfect, perfect, SLO);

        assertThat(metrics.underProvisioningAccuracy()).isZero();
        assertThat(metrics.overProvisioningAccuracy()).isZero();
        assertThat(metrics.instability()).isZero();
        assertThat(metrics.jitterPerHour()).isZero();
        assertThat(metrics.costRatio()).isEqualTo(1);
        assertThat(metrics.describe()).contains("theta_U 0.0%").contains("1.00 x oracle");
    }

    @Test
    void dividesByOneWhereThereIsNoDemand() {
        // d = 0, s = 2: 2 surplus processes over a demand of "1" = 200 %.
        Provisioning idle = new Provisioning(MINUTE, new int[] {2}, new int[] {0}, new double[] {0});

        ElasticityMetrics metrics = ElasticityMetrics.measure(idle, idle, SLO);

        assertThat(metrics.overProvisioningAccuracy()).isEqualTo(200);
        assertThat(metrics.instability()).isZero();
    }
}
