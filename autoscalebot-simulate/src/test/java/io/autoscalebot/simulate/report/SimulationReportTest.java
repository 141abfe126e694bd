package io.autoscalebot.simulate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulatedGroups;
import io.autoscalebot.simulate.SimulationException;
import io.autoscalebot.simulate.SimulationModel;
import io.autoscalebot.simulate.SimulationResult;
import io.autoscalebot.simulate.Simulator;
import io.autoscalebot.simulate.Timeline;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulationReportTest {

    private static final SimulationModel MODEL = new SimulationModel(10, Duration.ZERO, 2, Duration.ofMillis(500),
            Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.empty());

    /** A day of minutes rising to 25 requests/s (50/s at load x2) and back, decided every minute. */
    private static SimulationResult day(String secret) throws SimulationException {
        double[] perMinute = new double[1440];
        for (int i = 0; i < perMinute.length; i++) {
            perMinute[i] = 1500 * (1 - Math.cos(2 * Math.PI * i / perMinute.length)) / 2;
        }
        Trace trace = Trace.uniform("day <1>.csv", Instant.parse("2026-01-05T00:00:00Z"), Duration.ofMinutes(1),
                perMinute);
        SimulatedGroups groups = new SimulatedGroups(new SimulatedGroups.Stepper(150, 400, Duration.ZERO));
        return new Simulator(MODEL, Set.of(secret)).run(groups.build("web"), trace, Simulator.Progress.NONE);
    }

    @Test
    void writesEveryMetricAndCountAsJson() throws Exception {
        SimulationResult result = day("unused");

        JsonNode json = new ObjectMapper().readTree(SimulationReport.json(result));

        assertThat(json.path("group").asText()).isEqualTo("web");
        assertThat(json.path("decide_plugin").asText()).isEqualTo("stepper");
        assertThat(json.path("measure_plugin").asText()).isEqualTo("response-time");
        assertThat(json.path("interval_seconds").asDouble()).isEqualTo(60);
        assertThat(json.path("trace").path("steps").asInt()).isEqualTo(1440);
        assertThat(json.path("trace").path("missing").asText()).isEqualTo("zero");
        assertThat(json.path("model").path("load_scale").asDouble()).isEqualTo(2);
        assertThat(json.path("model").path("slo_ms").asLong()).isEqualTo(500);
        assertThat(json.path("model").path("initial").isNull()).isTrue();
        assertThat(json.path("decisions").path("ticks").asInt()).isEqualTo(1440);
        assertThat(json.path("decisions").path("scale_actions").asInt())
                .isEqualTo(result.decisions().scaleActions()).isPositive();
        assertThat(json.path("metrics").path("process_hours").asDouble())
                .isEqualTo(result.metrics().processHours());
        assertThat(json.path("metrics").path("cost_ratio").asDouble()).isEqualTo(result.metrics().costRatio());
        assertThat(json.path("metrics").path("slo_broken_minutes").asDouble())
                .isEqualTo(result.metrics().sloBrokenMinutes());
        assertThat(json.path("metrics").path("jitter_per_hour").isNumber()).isTrue();
    }

    @Test
    void writesAnUndefinedCostRatioAsNullNotAsNaN() throws Exception {
        // No arrivals and a worker group: the oracle runs nothing, so there is no ratio to it.
        SimulationModel idle = new SimulationModel(10, Duration.ZERO, 1, Duration.ofMillis(500),
                Replay.GroupKind.WORKER, MeasuredQuantity.QUEUE, OptionalInt.of(1));
        Trace nothing = Trace.uniform("idle.csv", Instant.EPOCH, Duration.ofMinutes(1), 0, 0, 0);
        SimulatedGroups groups = new SimulatedGroups(new SimulatedGroups.Stepper(-1, 100, Duration.ZERO));
        SimulationResult result = new Simulator(idle, Set.of()).run(groups.build("worker"), nothing,
                Simulator.Progress.NONE);

        JsonNode json = new ObjectMapper().readTree(SimulationReport.json(result));

        assertThat(json.path("metrics").path("cost_ratio").isNull()).isTrue();
        assertThat(json.path("metrics").path("oracle_process_hours").asDouble()).isZero();
    }

    @Test
    void summarisesTheRunAndTheOracleInATable() throws Exception {
        SimulationResult result = day("unused");

        String text = SimulationReport.text(result);

        assertThat(text).contains("Group web: decided by stepper from the modelled response-time (ms) in place of"
                + " its measure plugin response-time, every 1m (1,440 ticks).");
        assertThat(text).contains("arrivals constant within each trace step");
        assertThat(text).containsPattern("cost ratio to the oracle +[0-9.]+ +1\\.00");
        assertThat(text).containsPattern("scale actions +" + result.decisions().scaleActions());
        assertThat(text).contains("SLO broken (minutes)", "under-provisioning accuracy theta_U", "jitter j");
    }

    @Test
    void writesASelfContainedPageWithChartsOfDemandSupplyAndTheMeasurement() throws Exception {
        SimulationResult result = day("unused");

        String html = SimulationHtml.page(result);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "demand d(t)", "supply s(t)", "oracle",
                "Measurement fed to stepper: response-time (ms)");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=")
                .doesNotContainPattern("(?i)https?://")
                .doesNotContain("<script", "@import", "url(");
        // Text from the trace's name is escaped, not taken as markup.
        assertThat(html).contains("day &lt;1&gt;.csv").doesNotContain("day <1>.csv");
    }

    @Test
    void drawsALongReplayWithAFewThousandPointsAtMost() throws Exception {
        SimulationResult result = day("unused");
        Timeline weeks = repeat(result.timeline(), 20);
        SimulationResult long_ = new SimulationResult(result.group(), result.measurePlugin(), result.decidePlugin(),
                result.model(), result.trace(), result.interval(), weeks, result.metrics(), result.decisions(),
                result.warnings());

        String html = SimulationHtml.page(long_);

        Matcher polylines = Pattern.compile("points=\"([^\"]*)\"").matcher(html);
        int lines = 0;
        while (polylines.find()) {
            lines++;
            // A step line draws each point twice (the corner, then the new value).
            assertThat(polylines.group(1).trim().split(" ")).hasSizeLessThanOrEqualTo(2 * SimulationHtml.MAX_POINTS);
        }
        // Processes (3 lines) and the measurement (1) for the whole replay, then again for its worst day.
        assertThat(lines).isEqualTo(8);
        assertThat(html).contains("the process counts by their largest value, the measurement by its mean");
    }

    private static Timeline repeat(Timeline day, int times) {
        int size = day.size() * times;
        long[] seconds = new long[size];
        int[] demand = new int[size];
        int[] supply = new int[size];
        int[] oracle = new int[size];
        double[] measured = new double[size];
        boolean[] broken = new boolean[size];
        for (int i = 0; i < size; i++) {
            int t = i % day.size();
            seconds[i] = day.time(0).getEpochSecond() + 60L * i;
            demand[i] = day.demand(t);
            supply[i] = day.supply(t);
            oracle[i] = day.oracle(t);
            measured[i] = day.measured(t);
            broken[i] = day.sloBroken(t);
        }
        return new Timeline(seconds, demand, supply, oracle, measured, broken);
    }
}
