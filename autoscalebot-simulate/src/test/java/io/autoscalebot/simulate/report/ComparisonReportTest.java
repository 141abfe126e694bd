package io.autoscalebot.simulate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.engine.chart.SvgChart;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    private static final SimulationModel MODEL = new SimulationModel(10, Duration.ZERO, 1, Duration.ofMillis(500),
            Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.empty());
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    /**
     * Three days of minutes at 5 requests/s, with a short crowd of 60/s on the first day at 10:00 and a long one of
     * 150/s on the second at 15:00: a policy adding one process a minute breaks the SLO on both, longer on the second.
     */
    private static Trace threeDays() {
        double[] perMinute = new double[3 * 1440];
        for (int i = 0; i < perMinute.length; i++) {
            int day = i / 1440;
            int minute = i % 1440;
            boolean first = day == 0 && minute >= 600 && minute < 630;
            boolean second = day == 1 && minute >= 900 && minute < 960;
            perMinute[i] = 60 * (first ? 60 : second ? 150 : 5);
        }
        return Trace.uniform("three days.csv", START, Duration.ofMinutes(1), perMinute);
    }

    private static SimulationResult replay(SimulatedGroups.Stepper stepper) throws SimulationException {
        return new Simulator(MODEL, Set.of()).run(new SimulatedGroups(stepper).build("web"), threeDays(),
                Simulator.Progress.NONE);
    }

    @Test
    void listsEveryComparedPolicyInTheTableWithItsOwnFigures() throws Exception {
        SimulationResult eager = replay(new SimulatedGroups.Stepper(100, 300, Duration.ZERO));
        // Above the 30 s a saturated app reads: it never scales up.
        SimulationResult lazy = replay(new SimulatedGroups.Stepper(100, 40_000, Duration.ZERO));
        List<ComparedPolicy> policies = List.of(new ComparedPolicy("eager.toml", eager),
                new ComparedPolicy("lazy.toml", lazy));

        String html = SimulationHtml.page(policies);
        String text = SimulationReport.comparisonText(policies);

        assertThat(eager.metrics().sloBrokenMinutes()).isLessThan(lazy.metrics().sloBrokenMinutes());
        for (ComparedPolicy policy : policies) {
            String minutes = SimulationReport.number(policy.result().metrics().sloBrokenMinutes(), 0);
            String hours = SimulationReport.number(policy.result().metrics().processHours(), 1);
            assertThat(html).containsPattern("<tr><td>" + Pattern.quote(policy.label()) + "</td><td>stepper</td>"
                    + "<td>response-time</td><td>" + Pattern.quote(hours) + "</td><td>[0-9.]+</td><td>"
                    + Pattern.quote(minutes) + "</td>");
            assertThat(html).contains("<h2>" + policy.label() + "</h2>");
            assertThat(text).containsPattern(Pattern.quote(policy.label()) + " +stepper +response-time +"
                    + Pattern.quote(hours));
        }
        assertThat(text).containsPattern("oracle +knows the future");
        // One cost/SLO chart with a point per policy and the oracle; no HPA among them, so no curve but a hint.
        assertThat(html).contains("Cost against SLO-broken minutes", ">eager.toml</text>", ">lazy.toml</text>",
                ">oracle</text>", "No HPA curve").doesNotContain("class=\"hpa-curve\"");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=").doesNotContainPattern("(?i)https?://")
                .doesNotContain("<script", "@import", "url(");
    }

    @Test
    void readsHpasCurveAtEachPolicysCost() throws Exception {
        // Three replays standing in for HPA at three targets (the report knows HPA by its decide plugin's id): the
        // longer each waits after a scale, the cheaper and the more SLO-broken minutes.
        List<ComparedPolicy> policies = new ArrayList<>();
        for (int wait : new int[] {0, 5, 20}) {
            SimulationResult replay = replay(new SimulatedGroups.Stepper(150, 300, Duration.ofMinutes(wait)));
            policies.add(new ComparedPolicy("hpa-" + wait + ".toml", new SimulationResult(replay.group(),
                    replay.measurePlugin(), HpaCurve.PLUGIN, replay.model(), replay.trace(), replay.interval(),
                    replay.timeline(), replay.metrics(), replay.decisions(), replay.warnings())));
        }
        SimulationResult mine = replay(new SimulatedGroups.Stepper(150, 300, Duration.ofMinutes(10)));
        policies.add(0, new ComparedPolicy("mine.toml", mine));
        List<double[]> hpa = policies.stream().skip(1).map(p -> new double[] {p.result().metrics().processHours(),
                p.result().metrics().sloBrokenMinutes()}).sorted(java.util.Comparator.comparingDouble(p -> p[0]))
                .toList();
        double hours = mine.metrics().processHours();
        double[] low = hpa.stream().filter(p -> p[0] <= hours).reduce((a, b) -> b).orElseThrow();
        double[] high = hpa.stream().filter(p -> p[0] >= hours).findFirst().orElseThrow();
        double expected = low[1] + (hours - low[0]) / (high[0] - low[0]) * (high[1] - low[1]);

        List<List<String>> table = SimulationReport.comparison(policies);
        String html = SimulationHtml.page(policies);

        assertThat(table.get(0)).contains("HPA at same cost (min)");
        int column = table.get(0).indexOf("HPA at same cost (min)");
        assertThat(table.get(1)).startsWith("mine.toml");
        assertThat(table.get(1).get(column)).isEqualTo(SimulationReport.number(expected, 0));
        // HPA's own rows lie on the curve: nothing to read there.
        assertThat(table.get(2).get(column)).isEmpty();
        Matcher curve = Pattern.compile("class=\"hpa-curve\"[^>]*points=\"([^\"]*)\"").matcher(html);
        assertThat(curve.find()).isTrue();
        String[] points = curve.group(1).trim().split(" ");
        assertThat(points).hasSize(3);
        // Joined cheapest first: left to right.
        assertThat(Double.parseDouble(points[0].split(",")[0])).isLessThan(Double.parseDouble(points[1].split(",")[0]));
        assertThat(Double.parseDouble(points[1].split(",")[0])).isLessThan(Double.parseDouble(points[2].split(",")[0]));
        assertThat(html).contains("HPA's curve joins the 3 policies decided by target-tracking");
    }

    @Test
    void zoomsIntoTheDayThatBrokeTheSloLongest() throws Exception {
        SimulationResult result = replay(new SimulatedGroups.Stepper(100, 300, Duration.ZERO));

        SloBreaks.WorstDay worst = SloBreaks.worstDay(result.timeline(), result.interval()).orElseThrow();
        String html = SimulationHtml.page(result);

        // Both crowds break it, the second one longer.
        assertThat(brokenOn(result.timeline(), LocalDate.of(2026, 3, 1))).isPositive();
        assertThat(worst.day()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(worst.brokenTicks()).isEqualTo(brokenOn(result.timeline(), LocalDate.of(2026, 3, 2)))
                .isGreaterThan(brokenOn(result.timeline(), LocalDate.of(2026, 3, 1)));
        assertThat(html).contains("Worst day: 2026-03-02, SLO broken " + worst.brokenTicks() + " minutes");
        // The zoomed charts cover that day, labelled by the hour.
        assertThat(html).contains(">15:00</text>");
    }

    @Test
    void marksTheSpansWhereTheReplayBrokeTheSlo() throws Exception {
        SimulationResult result = replay(new SimulatedGroups.Stepper(100, 300, Duration.ZERO));

        List<SvgChart.Span> spans = SloBreaks.spans(result.timeline(), result.interval());

        // One span a crowd, each starting as its crowd starts, and together as long as the SLO-broken minutes.
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0).from()).isEqualTo(START.plus(Duration.ofMinutes(600)).getEpochSecond());
        assertThat(spans.get(1).from()).isEqualTo(START.plus(Duration.ofMinutes(1440 + 900)).getEpochSecond());
        assertThat(spans.stream().mapToLong(span -> span.to() - span.from()).sum() / 60.0)
                .isEqualTo(result.metrics().sloBrokenMinutes());
        // Drawn on both charts of the whole replay (2 each) and on both of the worst day (its 1 each).
        String html = SimulationHtml.page(result);
        assertThat(count(html, "class=\"slo-broken\"")).isEqualTo(2 * 2 + 2);
    }

    @Test
    void saysSoWhenTheSloHeldThroughout() throws Exception {
        SimulationResult result = replay(new SimulatedGroups.Stepper(0, 1, Duration.ZERO));

        assertThat(result.metrics().sloBrokenMinutes()).isZero();
        assertThat(SimulationHtml.page(result)).contains("The SLO held throughout").doesNotContain("Worst day",
                "class=\"slo-broken\"");
    }

    @Test
    void putsTheAssumptionsNextToTheFigures() throws Exception {
        SimulationResult result = replay(new SimulatedGroups.Stepper(100, 300, Duration.ZERO));

        String html = SimulationHtml.page(result);

        assertThat(html).contains("Assumptions:", "0 missing steps read as zero load", "load x 1",
                "10 requests/s each", "SLO: mean response time within 500ms");
        // And again under every pair of charts, the whole replay's and the worst day's.
        assertThat(count(html, "class=\"caption\">web group, 10 requests/s per process, boot 0s, load x 1, SLO 500ms;"
                + " trace three days.csv, 0 missing steps read as zero load")).isEqualTo(2);
    }

    private static int brokenOn(Timeline timeline, LocalDate day) {
        int broken = 0;
        for (int t = 0; t < timeline.size(); t++) {
            if (timeline.sloBroken(t) && LocalDate.ofInstant(timeline.time(t), java.time.ZoneOffset.UTC).equals(day)) {
                broken++;
            }
        }
        return broken;
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
