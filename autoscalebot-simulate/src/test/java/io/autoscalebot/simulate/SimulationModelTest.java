package io.autoscalebot.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.autoscalebot.simulate.model.QueueModel;
import io.autoscalebot.simulate.model.Replay;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SimulationModelTest {

    @Test
    void derivesWhatIsMeasuredAndTheGroupKindFromTheMeasurePlugin() {
        assertThat(MeasuredQuantity.forMeasurePlugin("response-time")).isEqualTo(MeasuredQuantity.RESPONSE_TIME);
        assertThat(MeasuredQuantity.forMeasurePlugin("heroku-service-time")).isEqualTo(MeasuredQuantity.RESPONSE_TIME);
        assertThat(MeasuredQuantity.forMeasurePlugin("celery-redis")).isEqualTo(MeasuredQuantity.QUEUE);
        assertThat(MeasuredQuantity.forMeasurePlugin("file-value")).isEqualTo(MeasuredQuantity.UTILISATION);
        assertThat(SimulationModel.defaults("celery-redis").kind()).isEqualTo(Replay.GroupKind.WORKER);
        SimulationModel web = SimulationModel.defaults("heroku-service-time");
        assertThat(web.kind()).isEqualTo(Replay.GroupKind.WEB);
        assertThat(web.capacity()).isEqualTo(SimulationModel.DEFAULT_CAPACITY);
        assertThat(web.boot()).isEqualTo(Duration.ofSeconds(30));
        assertThat(web.slo()).isEqualTo(Duration.ofMillis(500));
        assertThat(web.loadScale()).isEqualTo(1);
        assertThat(web.initial()).isEmpty();
    }

    @Test
    void refusesAnSloOneRequestAloneCannotMeet() {
        assertThatThrownBy(() -> new SimulationModel(5, Duration.ZERO, 1, Duration.ofMillis(150),
                Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a response time of 150 ms cannot be met: one request alone takes 1/mu = 200 ms");
    }

    @Test
    void refusesACapacityOfNothingAndANegativeScale() {
        assertThatThrownBy(() -> new SimulationModel(0, Duration.ZERO, 1, Duration.ofMillis(500),
                Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.empty()))
                .hasMessageContaining("the capacity of one process must be a number of requests per second greater"
                        + " than 0, got 0.0");
        assertThatThrownBy(() -> new SimulationModel(10, Duration.ZERO, -1, Duration.ofMillis(500),
                Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.empty()))
                .hasMessageContaining("the load scale factor must be a number, 0 or more, got -1.0");
    }

    @Test
    void readsWhatEachMeasurePluginWouldHaveSeen() {
        QueueModel queue = new QueueModel(10, Duration.ZERO);
        // 1 process at 5 requests/s: M/M/1, W = 1 / (10 - 5) = 200 ms, W_q = 100 ms, L_q = 0.5, busy half the time.
        Replay.Observation calm = new Replay.Observation(0, Instant.EPOCH, 1, 1, 5, 0.2, 0.5, 0);
        Replay.Observation saturated = new Replay.Observation(0, Instant.EPOCH, 1, 1, 20,
                Double.POSITIVE_INFINITY, 1, 0);
        Replay.Observation backlog = new Replay.Observation(0, Instant.EPOCH, 1, 1, 20, 4.1, 1, 40);

        assertThat(MeasuredQuantity.RESPONSE_TIME.read(calm, queue)).isCloseTo(200, within(1e-9));
        assertThat(MeasuredQuantity.QUEUE.read(calm, queue)).isCloseTo(0.5, within(1e-9));
        assertThat(MeasuredQuantity.UTILISATION.read(calm, queue)).isEqualTo(0.5);
        assertThat(MeasuredQuantity.RESPONSE_TIME.read(saturated, queue)).isEqualTo(30_000);
        assertThat(MeasuredQuantity.QUEUE.read(saturated, queue)).isCloseTo(20 * 29.9, within(1e-9));
        assertThat(MeasuredQuantity.QUEUE.read(backlog, queue)).isEqualTo(40);
    }

    @Test
    void podUtilisationCountsBootingProcessesAsIdle() {
        QueueModel queue = new QueueModel(10, Duration.ZERO);
        // 30 requests/s on 2 serving processes of 10/s, 4 more booting: the serving ones are 150% busy, but averaged
        // over all 6 with the booting ones at 0%, as Kubernetes's HPA does when scaling up, 50%.
        Replay.Observation booting = new Replay.Observation(0, Instant.EPOCH, 6, 2, 30, Double.POSITIVE_INFINITY,
                queue.utilisation(2, 30), 0);
        Replay.Observation settled = new Replay.Observation(0, Instant.EPOCH, 2, 2, 30, Double.POSITIVE_INFINITY,
                queue.utilisation(2, 30), 0);

        assertThat(MeasuredQuantity.UTILISATION.read(booting, queue)).isCloseTo(1.5, within(1e-9));
        assertThat(MeasuredQuantity.POD_UTILISATION.read(booting, queue)).isCloseTo(0.5, within(1e-9));
        assertThat(MeasuredQuantity.POD_UTILISATION.read(settled, queue)).isCloseTo(1.5, within(1e-9));
        assertThat(MeasuredQuantity.POD_UTILISATION.label()).isEqualTo("pod-utilisation");
    }
}
