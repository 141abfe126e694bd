package io.autoscalebot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.autoscalebot.simulate.model.Demand;
import io.autoscalebot.simulate.model.QueueModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bound's arithmetic on a five-minute trace worked out by hand: 1 request/s with a spike of 4 in the middle. With
 * 5 requests/s a process and a 500 ms mean, one process serves up to 3 requests/s (M/M/1: 1 / (5 - 3) = 0.5 s), so
 * d = [1, 1, 2, 1, 1].
 */
class NoiseBoundTest {

    private static final double[] RATES = {1, 1, 4, 1, 1};
    private static final int[] NEED = {1, 1, 2, 1, 1};
    private static final Demand DEMAND = new Demand(new QueueModel(5, Duration.ofSeconds(60)), Duration.ofMillis(500),
            1);
    private static final NoiseBound.Spare SHARE = (level, h) -> level * (1 + h);

    @Test
    void levelsAverageTheWindowClippedAtTheEnds() {
        double[] rates = {1, 2, 3, 4, 5};
        assertThat(NoiseBound.Level.CENTRED.over(rates, 1)).containsExactly(1.5, 2, 3, 4, 4.5);
        assertThat(NoiseBound.Level.CENTRED_WITHOUT_T.over(rates, 1)).containsExactly(2, 2, 3, 4, 4);
        // Minute 0 has no past and takes its own rate.
        assertThat(NoiseBound.Level.TRAILING.over(rates, 2)).containsExactly(1, 1, 1.5, 2.5, 3.5);
    }

    @Test
    void theDemandOfTheHandTraceIsAsWorkedOut() {
        for (int t = 0; t < RATES.length; t++) {
            assertThat(DEMAND.processesFor(RATES[t])).as("d(%d)", t).isEqualTo(NEED[t]);
        }
    }

    @Test
    void oneBrokenMinuteAllowedNeedsNoSpare() {
        // Without t the spike's minute sees a level of 1 (one process) and breaks; its neighbours see 2.5 (one).
        double[] level = NoiseBound.Level.CENTRED_WITHOUT_T.over(RATES, 1);
        NoiseBound.Point p = NoiseBound.cheapest(DEMAND, NEED, level, SHARE, 1);
        assertThat(p.parameter()).isZero();
        assertThat(p.brokenMinutes()).isEqualTo(1);
        assertThat(p.bareProcessHours()).isCloseTo(5 / 60.0, within(1e-12));
    }

    @Test
    void noBrokenMinuteNeedsTheLevelOfOneTimesThreeAndOneProcessMoreEverywhere() {
        // The spike's minute needs 2 processes at a level of 1: more than 3 requests/s, so h just above 2; then every
        // minute's level (1 or 2.5) times 3 asks for 2 processes: 10 process-minutes.
        double[] level = NoiseBound.Level.CENTRED_WITHOUT_T.over(RATES, 1);
        NoiseBound.Point p = NoiseBound.cheapest(DEMAND, NEED, level, SHARE, 0);
        assertThat(p.parameter()).isGreaterThan(2).isLessThanOrEqualTo(2.001);
        assertThat(p.brokenMinutes()).isZero();
        assertThat(p.bareProcessHours()).isCloseTo(10 / 60.0, within(1e-12));
    }

    @Test
    void theFittedRuleSparesOnlyTheLevelWhoseMinutesSometimesNeedMore() {
        // Level 1 (minutes 0, 2, 4) sometimes needs 2: it gets 2; level 2.5 (minutes 1, 3) never does: it keeps 1.
        double[] level = NoiseBound.Level.CENTRED_WITHOUT_T.over(RATES, 1);
        NoiseBound.Point none = NoiseBound.fitted(NEED, level, 0);
        assertThat(none.brokenMinutes()).isZero();
        assertThat(none.bareProcessHours()).isCloseTo(8 / 60.0, within(1e-12));
        NoiseBound.Point one = NoiseBound.fitted(NEED, level, 1);
        assertThat(one.brokenMinutes()).isEqualTo(1);
        assertThat(one.bareProcessHours()).isCloseTo(5 / 60.0, within(1e-12));
    }

    @Test
    void theFittedRuleMeetsALimitOfNoneWhenAllMinutesShareOneLevel() {
        // One bin holds every minute: a start where a broken minute weighs just the bin's process-minutes would tie,
        // keep one process and break the spike's minute.
        double[] level = {1, 1, 1, 1, 1};
        NoiseBound.Point p = NoiseBound.fitted(NEED, level, 0);
        assertThat(p.brokenMinutes()).isZero();
        assertThat(p.bareProcessHours()).isCloseTo(10 / 60.0, within(1e-12));
    }

    @Test
    void aLimitNoSpareCanMeetIsReportedNotSearchedForever() {
        // The spike's minute is told a level of 0: no share of 0 asks for its 2 processes.
        double[] level = {1, 1, 0, 1, 1};
        assertThatThrownBy(() -> NoiseBound.cheapest(DEMAND, NEED, level, SHARE, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keeps within 0 SLO-broken minutes: 1 minutes stay broken");
    }
}
