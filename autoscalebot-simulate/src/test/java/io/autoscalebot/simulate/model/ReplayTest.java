package io.autoscalebot.simulate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.simulate.trace.SharedTraces;
import io.autoscalebot.simulate.trace.Trace;
import io.autoscalebot.simulate.trace.TraceReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SLO = Duration.ofMillis(1500);

    @Test
    void aScaleTakesEffectAfterTheStepAndTheBootTime() {
        QueueModel queue = new QueueModel(1, MINUTE);
        Trace trace = Trace.uniform("t", Instant.EPOCH, MINUTE, 60, 60, 60, 60);
        List<Replay.Observation> seen = new ArrayList<>();

        new Replay(queue, Replay.GroupKind.WEB).run(trace, new Demand(queue, SLO, 1), 1, observation -> {
            seen.add(observation);
            return 3;
        });

        // Asked for 3 at the end of step 0 (00:01); they boot for a minute and serve from step 2 (00:02).
        assertThat(seen).extracting(Replay.Observation::running).containsExactly(1, 3, 3, 3);
        assertThat(seen).extracting(Replay.Observation::serving).containsExactly(1, 1, 3, 3);
        // 1 request/s on 1 process of 1/s is saturated: the SLO breaks until the new processes serve.
        assertThat(seen.get(1).responseSeconds()).isInfinite();
        assertThat(seen.get(2).responseSeconds()).isLessThan(1.5);
        assertThat(seen.get(0).utilisation()).isEqualTo(1);
    }

    @Test
    void aWorkerGroupCarriesItsBacklogAcrossSteps() {
        QueueModel queue = new QueueModel(1, Duration.ZERO);
        // 3 tasks/s for a minute on 2 workers, then nothing.
        Trace trace = Trace.uniform("t", Instant.EPOCH, MINUTE, 180, 0, 0);
        List<Double> backlog = new ArrayList<>();

        new Replay(queue, Replay.GroupKind.WORKER).run(trace, new Demand(queue, SLO, 1), 2, observation -> {
            backlog.add(observation.backlog());
            return 2;
        });

        // (3 - 2) x 60 = 60 queued; then 2 x 60 = 120 drained: empty.
        assertThat(backlog).containsExactly(60.0, 0.0, 0.0);
    }

    @Test
    void aReactivePolicyCostsMoreThanTheOracleAndBreaksTheSloLonger() {
        QueueModel queue = new QueueModel(1, MINUTE);
        Demand demand = new Demand(queue, SLO, 1);
        Trace trace = Trace.uniform("t", Instant.EPOCH, MINUTE, 60, 60, 600, 600, 600, 60, 60, 60);
        // Keeps utilisation near 0.5 by counting processes from the arrival rate it just saw.
        Replay.Controller reactive = observation -> Math.max(1, (int) Math.ceil(observation.arrivalRate() / 0.5));

        Provisioning run = new Replay(queue, Replay.GroupKind.WEB).run(trace, demand, 2, reactive);
        Provisioning oracle = Oracle.replay(trace, demand);
        ElasticityMetrics reactiveMetrics = ElasticityMetrics.measure(run, oracle, SLO);
        ElasticityMetrics oracleMetrics = ElasticityMetrics.measure(oracle, oracle, SLO);

        assertThat(reactiveMetrics.sloBrokenMinutes()).isGreaterThan(oracleMetrics.sloBrokenMinutes());
        assertThat(reactiveMetrics.underProvisioningTimeshare()).isPositive();
        assertThat(oracleMetrics.sloBrokenMinutes()).isZero();
        assertThat(reactiveMetrics.costRatio()).isGreaterThan(1);
    }

    @Test
    void replaysTwoMonthsOfNasaMinutesWhereOnlyTheOracleKeepsTheSlo() throws Exception {
        Trace nasa = new TraceReader().read(SharedTraces.sharedTrace("nasa-1995-per-minute.csv"));
        QueueModel queue = new QueueModel(0.5, MINUTE);
        Duration slo = Duration.ofSeconds(3);
        Demand demand = new Demand(queue, slo, 1);

        Provisioning run = new Replay(queue, Replay.GroupKind.WEB).run(nasa, demand, 2,
                observation -> Math.max(1, (int) Math.ceil(observation.arrivalRate() / (0.5 * 0.6))));
        Provisioning oracle = Oracle.replay(nasa, demand);
        ElasticityMetrics reactive = ElasticityMetrics.measure(run, oracle, slo);

        // With the outage as zero load, every minute of July and August 1995 is a step.
        assertThat(run.size()).isEqualTo(89_280);
        // Reacting a minute late with a minute of boot misses bursts the oracle saw coming.
        assertThat(reactive.sloBrokenMinutes()).isPositive();
        assertThat(ElasticityMetrics.measure(oracle, oracle, slo).sloBrokenMinutes()).isZero();
    }
}
