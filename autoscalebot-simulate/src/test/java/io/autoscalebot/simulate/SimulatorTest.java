package io.autoscalebot.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.context.ScaleRecord;
import io.autoscalebot.engine.plugin.Component;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.SharedTraces;
import io.autoscalebot.simulate.trace.Trace;
import io.autoscalebot.simulate.trace.TraceReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** 10 requests/s per process, serving at once, held to 500 ms, fed response times; starts with 1 process. */
    private static final SimulationModel MODEL = new SimulationModel(10, Duration.ZERO, 1, Duration.ofMillis(500),
            Replay.GroupKind.WEB, MeasuredQuantity.RESPONSE_TIME, OptionalInt.of(1));

    /** 5 quiet minutes at 5 requests/s, 15 busy ones at 50/s, then 20 quiet ones; one row a minute. */
    private static Trace burst() {
        double[] perMinute = new double[40];
        for (int i = 0; i < perMinute.length; i++) {
            perMinute[i] = i >= 5 && i < 20 ? 3000 : 300;
        }
        return Trace.uniform("burst.csv", MIDNIGHT, MINUTE, perMinute);
    }

    private static SimulationResult simulate(SimulatedGroups groups, Trace trace) throws SimulationException {
        return new Simulator(MODEL, Set.of()).run(groups.build("web"), trace, Simulator.Progress.NONE);
    }

    private static List<Integer> supply(SimulationResult result) {
        Timeline timeline = result.timeline();
        return IntStream.range(0, timeline.size()).map(timeline::supply).boxed().collect(Collectors.toList());
    }

    /** @return the ticks at which the supply changed */
    private static List<Integer> changes(SimulationResult result) {
        List<Integer> supply = supply(result);
        return IntStream.range(1, supply.size()).filter(t -> !supply.get(t).equals(supply.get(t - 1))).boxed()
                .collect(Collectors.toList());
    }

    private static CountSchedule table(int first, String from, int then) {
        TreeMap<LocalTime, Integer> table = new TreeMap<>(Map.of(LocalTime.MIDNIGHT, first, LocalTime.parse(from),
                then));
        return new CountSchedule(table);
    }

    @Test
    void scalesUpWhileLoadRisesAndBackDownWhenItFalls() throws Exception {
        SimulatedGroups groups = new SimulatedGroups(new SimulatedGroups.Stepper(150, 400, Duration.ZERO));

        SimulationResult result = simulate(groups, burst());

        // 50 requests/s on 10/s processes: 5 processes saturate, 6 answer in about 160 ms, inside [150, 400].
        List<Integer> supply = supply(result);
        assertThat(supply.subList(0, 6)).containsOnly(1);
        assertThat(supply.subList(5, 20)).contains(6).doesNotContain(7);
        assertThat(supply.get(39)).isEqualTo(1);
        assertThat(result.decisions().scaleActions()).isEqualTo(10);
        assertThat(result.decisions().failed()).isZero();
        // Adding one process a minute leaves the SLO broken while catching up; the oracle never breaks it.
        assertThat(result.metrics().sloBrokenMinutes()).isPositive();
        assertThat(result.metrics().underProvisioningTimeshare()).isPositive();
    }

    @Test
    void computesCostAndItsRatioToTheOracleFromTheTimeline() throws Exception {
        SimulationResult result = simulate(new SimulatedGroups(new SimulatedGroups.Stepper(150, 400, Duration.ZERO)),
                burst());

        Timeline timeline = result.timeline();
        double supplyHours = IntStream.range(0, timeline.size()).map(timeline::supply).sum() / 60.0;
        double oracleHours = IntStream.range(0, timeline.size()).map(timeline::oracle).sum() / 60.0;
        assertThat(result.metrics().processHours()).isCloseTo(supplyHours, within(1e-9));
        assertThat(result.metrics().costRatio()).isCloseTo(supplyHours / oracleHours, within(1e-9));
        // The oracle runs d(t) exactly when nothing boots: 1 process when quiet, 6 when busy.
        assertThat(timeline.oracle(0)).isEqualTo(1);
        assertThat(timeline.oracle(10)).isEqualTo(6);
        assertThat(timeline.demand(10)).isEqualTo(6);
    }

    @Test
    void waitsAfterEachScaleBecauseThePluginSeesTheLastScaleAsInARun() throws Exception {
        SimulatedGroups.Stepper stepper = new SimulatedGroups.Stepper(150, 400, Duration.ofMinutes(3));

        SimulationResult result = simulate(new SimulatedGroups(stepper), burst());

        List<Integer> changes = changes(result);
        assertThat(changes).hasSizeGreaterThan(2);
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i) - changes.get(i - 1)).as("ticks between scales").isGreaterThanOrEqualTo(3);
        }
        // The first scale is made at the end of tick 5 (00:06), from 1 to 2, and handed to every later decision.
        int first = changes.get(0) - 1;
        DecideContext after = stepper.seen.get(first + 1);
        assertThat(after.lastScale()).contains(new ScaleRecord(MIDNIGHT.plus(Duration.ofMinutes(first + 1)), 1, 2));
        assertThat(stepper.seen.get(first).lastScale()).isEmpty();
    }

    @Test
    void appliesTheGroupsMinAndMaxTablesAsARunDoes() throws Exception {
        SimulatedGroups groups = new SimulatedGroups(new SimulatedGroups.Stepper(150, 400, Duration.ZERO));
        groups.max = table(3, "00:12", 20);
        groups.min = table(1, "00:30", 2);
        SimulatedGroups.Stepper stepper = (SimulatedGroups.Stepper) groups.decide.component().provider();

        SimulationResult result = simulate(groups, burst());

        List<Integer> supply = supply(result);
        // Decisions until 00:11 are capped at 3; the one at 00:12 (end of tick 11) may go higher.
        assertThat(supply.subList(0, 12)).allMatch(count -> count <= 3);
        assertThat(supply.subList(12, 20)).anyMatch(count -> count > 3);
        assertThat(result.decisions().aboveMax()).isPositive();
        // From 00:30 the min is 2: the quiet load wants 1, and the count stays at 2.
        assertThat(supply.subList(30, 40)).containsOnly(2);
        assertThat(result.decisions().belowMin()).isPositive();
        assertThat(stepper.seen.get(0).max()).isEqualTo(3);
        assertThat(stepper.seen.get(29).min()).isEqualTo(2);
    }

    @Test
    void countsAFailingDecisionAndKeepsReplaying() throws Exception {
        Decide failing = context -> {
            throw new PluginException("the model file is unreadable");
        };
        DecideProvider broken = new SimulatedGroups.Named("failing", context -> failing);
        SimulatedGroups groups = new SimulatedGroups(broken);
        groups.min = table(1, "00:10", 2);

        SimulationResult result = simulate(groups, burst());

        assertThat(result.decisions().failed()).isEqualTo(40);
        assertThat(result.decisions().firstFailure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("decide failed: the model file is unreadable"));
        // A failed decision keeps the count, brought inside the min and max as in a run: the one at 00:10 (the end of
        // tick 9) raises it to the new min.
        assertThat(supply(result).subList(0, 10)).containsOnly(1);
        assertThat(supply(result).subList(10, 40)).containsOnly(2);
    }

    @Test
    void anErrorFromAPluginBugFailsTheDecisionAsInARunInsteadOfTheSimulation() throws Exception {
        // given: a decide plugin missing a class on every decision, and one that recurses without end
        Decide missingClass = context -> {
            throw new NoClassDefFoundError("com/acme/Model");
        };
        Decide recursing = context -> {
            throw new StackOverflowError();
        };

        // when
        SimulationResult missing = simulate(new SimulatedGroups(new SimulatedGroups.Named("missing",
                context -> missingClass)), burst());
        SimulationResult overflow = simulate(new SimulatedGroups(new SimulatedGroups.Named("recursing",
                context -> recursing)), burst());

        // then
        assertThat(missing.decisions().failed()).isEqualTo(40);
        assertThat(missing.decisions().firstFailure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("decide failed: plugin bug: NoClassDefFoundError: com/acme/Model"));
        assertThat(overflow.decisions().failed()).isEqualTo(40);
        assertThat(overflow.decisions().firstFailure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("decide failed: plugin bug: StackOverflowError"));
    }

    @Test
    void refusesToStartWhenTheDecidePluginsSetupHitsALinkageError() {
        Decide unlinked = new Decide() {
            @Override
            public void setup() {
                throw new NoClassDefFoundError("com/acme/Client");
            }

            @Override
            public io.autoscalebot.api.decide.Decision decide(DecideContext context) {
                return io.autoscalebot.api.decide.Decision.hold("never asked");
            }
        };
        SimulatedGroups groups = new SimulatedGroups(new SimulatedGroups.Named("unlinked", context -> unlinked));

        assertThatThrownBy(() -> simulate(groups, burst()))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("cannot set up the decide plugin 'unlinked' of group 'web'")
                .hasMessageContaining("plugin bug: NoClassDefFoundError: com/acme/Client");
    }

    @Test
    void givesTheDecidePluginAFolderOfItsOwnOnlyThisUserMayUseAndRemovesItAfter() throws Exception {
        List<Path> folders = new ArrayList<>();
        List<Set<PosixFilePermission>> permissions = new ArrayList<>();
        SimulatedGroups.Creator creator = context -> {
            Path folder = context.stateDirectory();
            folders.add(folder);
            permissions.add(Files.getPosixFilePermissions(folder));
            // What a plugin keeps there goes with the folder.
            Files.writeString(folder.resolve("state.json"), "{}");
            return context2 -> io.autoscalebot.api.decide.Decision.hold("steady");
        };

        simulate(new SimulatedGroups(new SimulatedGroups.Named("keeper", creator)), burst());
        simulate(new SimulatedGroups(new SimulatedGroups.Named("keeper", creator)), burst());

        assertThat(folders).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(folder -> assertThat(folder.getParent())
                        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"))))
                .allSatisfy(folder -> assertThat(folder).doesNotExist());
        assertThat(permissions).containsOnly(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void saysWhichTemporaryFolderItCouldNotUseWithoutAStackTrace(@TempDir Path temporary) {
        // A user's setting (java.io.tmpdir in JAVA_OPTS, or a TMPDIR the JVM reads), not a bug: the command line shows
        // a SimulationException's message as it is, and anything else as an "internal error" with the exception's class.
        Path missing = temporary.resolve("missing");
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", missing.toString());
        try {
            assertThatThrownBy(() -> simulate(new SimulatedGroups(new SimulatedGroups.Stepper(150, 400, Duration.ZERO)),
                    burst()))
                    .isInstanceOf(SimulationException.class)
                    .hasMessageContaining("cannot create a temporary state folder for the decide plugin in " + missing)
                    .hasMessageContaining("java.io.tmpdir");
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
    }

    @Test
    void createsTheDecidePluginForTheGroupAsADryRunInVirtualTimeWithItsClassLoader() throws Exception {
        SimulatedGroups.Stepper stepper = new SimulatedGroups.Stepper(150, 400, Duration.ZERO);
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            SimulatedGroups groups = new SimulatedGroups(stepper);
            groups.decide = SimulatedGroups.configure(Component.read(stepper, "stepper-plugin", "2.1.0",
                    pluginLoader));

            SimulationResult result = simulate(groups, burst());

            assertThat(stepper.created.group()).isEqualTo("web");
            assertThat(stepper.created.dryRun()).isTrue();
            assertThat(stepper.created.clock().instant()).isEqualTo(MIDNIGHT.plus(Duration.ofMinutes(40)));
            assertThat(stepper.seen.get(0).now()).isEqualTo(MIDNIGHT.plus(MINUTE));
            assertThat(stepper.seen.get(0).history()).hasSize(1);
            assertThat(stepper.seen.get(5).history()).hasSize(3);
            assertThat(stepper.contextLoaders).containsOnly(pluginLoader);
            assertThat(stepper.beforeTicks).isEqualTo(result.decisions().ticks());
            assertThat(stepper.tornDown).isTrue();
        }
    }

    @Test
    void decidesAtTheGroupsIntervalRatherThanTheTracesStep() throws Exception {
        SimulatedGroups.Stepper stepper = new SimulatedGroups.Stepper(150, 400, Duration.ZERO);
        SimulatedGroups groups = new SimulatedGroups(stepper);
        groups.interval = Duration.ofMinutes(20);
        Trace hourly = Trace.uniform("hourly.csv", MIDNIGHT, Duration.ofHours(1), 18_000, 180_000);

        SimulationResult result = simulate(groups, hourly);

        assertThat(result.decisions().ticks()).isEqualTo(6);
        assertThat(stepper.seen).extracting(DecideContext::now).containsExactly(
                MIDNIGHT.plus(Duration.ofMinutes(20)), MIDNIGHT.plus(Duration.ofMinutes(40)),
                MIDNIGHT.plus(Duration.ofMinutes(60)), MIDNIGHT.plus(Duration.ofMinutes(80)),
                MIDNIGHT.plus(Duration.ofMinutes(100)), MIDNIGHT.plus(Duration.ofMinutes(120)));
        // 18,000 an hour is 5/s in each of the first three ticks: 1 process, 200 ms.
        assertThat(result.timeline().measured(2)).isCloseTo(200, within(1e-6));
        assertThat(result.timeline().demand(3)).isEqualTo(6);
    }

    @Test
    void refusesToStartWhenTheDecidePluginCannotBeCreatedWithoutShowingASecret() {
        DecideProvider needsToken = new SimulatedGroups.Named("failing", context -> {
            throw new PluginException("token s3cr3t-token was refused");
        });
        SimulatedGroups groups = new SimulatedGroups(needsToken);

        assertThatThrownBy(() -> new Simulator(MODEL, Set.of("s3cr3t-token")).run(groups.build("web"), burst(),
                Simulator.Progress.NONE))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("cannot create the decide plugin 'failing' of group 'web'"
                        + " (autoscale.toml:7:1): token **** was refused")
                .hasMessageNotContaining("s3cr3t-token");
    }

    @Test
    void reportsProgressUpToTheLastTick() throws Exception {
        List<int[]> updates = new ArrayList<>();

        new Simulator(MODEL, Set.of()).run(new SimulatedGroups(new SimulatedGroups.Stepper(150, 400,
                Duration.ZERO)).build("web"), burst(), (done, total) -> updates.add(new int[] {done, total}));

        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1)).containsExactly(40, 40);
        assertThat(updates).extracting(update -> update[0]).isSorted();
    }

    @Test
    void replaysTwoMonthsOfNasaMinutesEveryThirtySeconds() throws Exception {
        Trace nasa = new TraceReader().read(SharedTraces.sharedTrace("nasa-1995-per-minute.csv"));
        SimulatedGroups groups = new SimulatedGroups(SimulatedGroups.proportional(0.6));
        groups.interval = Duration.ofSeconds(30);
        groups.max = CountSchedule.fixed(100);
        SimulationModel model = new SimulationModel(10, Duration.ofSeconds(30), 60, Duration.ofMillis(500),
                Replay.GroupKind.WEB, MeasuredQuantity.UTILISATION, OptionalInt.empty());

        SimulationResult result = new Simulator(model, Set.of()).run(groups.build("web"), nasa,
                Simulator.Progress.NONE);

        // 89,280 minutes (the outage as zero load), two ticks each.
        assertThat(result.decisions().ticks()).isEqualTo(178_560);
        assertThat(result.timeline().size()).isEqualTo(178_560);
        assertThat(result.decisions().failed()).isZero();
        assertThat(result.decisions().scaleActions()).isPositive();
        // Reacting after the fact to minute-by-minute bursts breaks the SLO at times, and aiming at 60% busy costs
        // more than running exactly what is needed.
        assertThat(result.metrics().sloBrokenMinutes()).isPositive();
        assertThat(result.metrics().costRatio()).isGreaterThan(1);
    }
}
