package io.autoscalebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.Configuration;
import io.autoscalebot.engine.ConfigurationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    @TempDir
    Path folder;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path trace;

    @BeforeEach
    void writeATrace() throws IOException {
        // Ten quiet minutes, ten at 40 requests/s, ten quiet again.
        List<String> rows = new ArrayList<>(List.of("time,number_of_requests"));
        for (int minute = 0; minute < 30; minute++) {
            rows.add(String.format("2026-01-05 00:%02d:00,%d", minute, minute >= 10 && minute < 20 ? 2400 : 120));
        }
        trace = Files.write(folder.resolve("trace.csv"), rows);
    }

    /**
     * Parses the arguments as picocli would, then simulates against plugins given in code: plugin jars load only on
     * the module path, and tests run on the class path.
     */
    private int simulate(Configuration config, String... args) {
        SimulateCommand command = new SimulateCommand();
        new CommandLine(command).parseArgs(args);
        return command.simulate(config, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A web group measured by response time and a worker group by its queue, both decided by {@code decide}. */
    private Configuration config(DecideProvider decide) {
        String text = """
                [groups.web]
                interval = "30s"
                timeout = "5s"
                max = 10
                [groups.web.measure]
                plugin = "response-time"
                [groups.web.decide]
                plugin = "%1$s"
                token = "hunter2"
                [groups.web.scale]
                plugin = "modelled"

                [groups.worker]
                interval = "1m"
                timeout = "5s"
                min = 0
                max = 4
                [groups.worker.measure]
                plugin = "celery-redis"
                [groups.worker.decide]
                plugin = "%1$s"
                [groups.worker.scale]
                plugin = "modelled"
                """.formatted(decide.id());
        try {
            Path file = Files.writeString(folder.resolve("autoscale.toml"), text);
            return Autoscalebot.loadConfiguration(file, Autoscalebot.plugins(new Measured("response-time"),
                    new Measured("celery-redis"), new Modelled(), decide), Map.of());
        } catch (IOException | ConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Configuration config() {
        return config(slowAddsOne());
    }

    private int execute(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void requiresAGroupAndATrace() {
        assertThat(execute("simulate")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("Missing required options").contains("--group=NAME", "--trace=FILE");
    }

    @Test
    void refusesAKindOrMeasureItDoesNotKnowListingTheChoices() {
        assertThat(execute("simulate", "--group", "web", "--trace", "t.csv", "--kind", "batch")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--kind", "expected one of web, worker, got 'batch'");

        assertThat(execute("simulate", "--group", "web", "--trace", "t.csv", "--measure", "cpu"))
                .isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("expected one of response-time, queue, utilisation, pod-utilisation, got 'cpu'");
    }

    @Test
    void refusesADurationWrittenAnotherWay() {
        assertThat(execute("simulate", "--group", "web", "--trace", "t.csv", "--slo", "half a second"))
                .isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--slo", "expected a duration like \"250ms\"");
    }

    @Test
    void reportsAConfigurationFileThatCannotBeReadAsAUsageError() {
        assertThat(execute("simulate", "--config", folder.resolve("none.toml").toString(), "--group", "web",
                "--trace", trace.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("none.toml");
    }

    @Test
    void namesTheGroupsWhenTheGroupIsUnknown() {
        assertThat(simulate(config(), "--group", "api", "--trace", trace.toString())).isEqualTo(Main.USAGE);

        assertThat(err.toString()).contains("autoscalebot: no group 'api' in " + folder.resolve("autoscale.toml")
                + "; its groups: web, worker; choose one with --group");
    }

    @Test
    void pointsAtTheFileAndLineOfAnUnreadableTrace() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.csv"),
                "time,count\n2026-01-05 00:00:00,1\n2026-01-05 00:01,two\n");

        assertThat(simulate(config(), "--group", "web", "--trace", broken.toString())).isEqualTo(Main.USAGE);

        assertThat(err.toString()).contains("autoscalebot: " + broken + ":3: cannot use the count 'two'");
    }

    @Test
    void refusesAnSloTheCapacityCannotMeet() {
        assertThat(simulate(config(), "--group", "web", "--trace", trace.toString(), "--capacity", "2", "--slo",
                "400ms")).isEqualTo(Main.USAGE);

        assertThat(err.toString()).contains("a response time of 400 ms cannot be met: one request alone takes 1/mu"
                + " = 500 ms", "--capacity");
    }

    @Test
    void printsTheSummaryAndWritesTheHtmlReport() throws IOException {
        Path report = folder.resolve("out.html");

        int exit = simulate(config(), "--group", "web", "--trace", trace.toString(), "--scale", "1.5", "--boot",
                "1m", "--report", report.toString());

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("Group web: decided by slow-adds-one", "every 30s (60 ticks)",
                "booting in 1m; load x 1.5", "cost ratio to the oracle", "SLO broken (minutes)");
        assertThat(Files.readString(report)).contains("<svg", "demand d(t)");
        // Not a terminal: no progress bar.
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsJsonWithTheModelTheGroupsMeasurePluginImplies() throws IOException {
        int exit = simulate(config(), "--group", "worker", "--trace", trace.toString(), "--json", "--missing", "gap");

        assertThat(exit).isEqualTo(Main.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("group").asText()).isEqualTo("worker");
        assertThat(json.path("model").path("kind").asText()).isEqualTo("worker");
        assertThat(json.path("model").path("measure").asText()).isEqualTo("queue");
        assertThat(json.path("trace").path("missing").asText()).isEqualTo("gap");
        assertThat(json.path("decisions").path("ticks").asInt()).isEqualTo(30);
    }

    @Test
    void takesTheKindAndMeasureGivenOverTheDefaults() throws IOException {
        int exit = simulate(config(), "--group", "worker", "--trace", trace.toString(), "--json", "--kind", "web",
                "--measure", "utilisation", "--initial", "3");

        assertThat(exit).isEqualTo(Main.OK);
        JsonNode model = new ObjectMapper().readTree(out.toString()).path("model");
        assertThat(model.path("kind").asText()).isEqualTo("web");
        assertThat(model.path("measure").asText()).isEqualTo("utilisation");
        assertThat(model.path("initial").asInt()).isEqualTo(3);
    }

    @Test
    void failsAtRunTimeWithoutTheSecretWhenTheDecidePluginCannotStart() {
        Configuration config = config(new Decider("unstartable", context -> {
            throw new PluginException("the API refused token hunter2");
        }));

        assertThat(simulate(config, "--group", "web", "--trace", trace.toString())).isEqualTo(Main.FAILURE);

        assertThat(err.toString()).contains("autoscalebot: cannot create the decide plugin 'unstartable' of group"
                + " 'web' (" + folder.resolve("autoscale.toml") + ":7:13): the API refused token ****")
                .doesNotContain("hunter2");
    }

    @Test
    void writingTheReportWhereItCannotBeIsARunTimeFailure() {
        Path nowhere = folder.resolve("no-such-folder").resolve("out.html");

        assertThat(simulate(config(), "--group", "web", "--trace", trace.toString(), "--report", nowhere.toString()))
                .isEqualTo(Main.FAILURE);

        assertThat(err.toString()).contains("cannot write the report " + nowhere, "choose a writable path with"
                + " --report");
    }

    /** A file with one group, {@code api}, deciding with {@code decide} every 30 s. */
    private Configuration oneGroup(String file, DecideProvider decide) {
        String text = """
                [groups.api]
                interval = "30s"
                timeout = "5s"
                max = 10
                [groups.api.measure]
                plugin = "response-time"
                [groups.api.decide]
                plugin = "%s"
                [groups.api.scale]
                plugin = "modelled"
                """.formatted(decide.id());
        try {
            Path path = Files.writeString(folder.resolve(file), text);
            return Autoscalebot.loadConfiguration(path, Autoscalebot.plugins(new Measured("response-time"),
                    new Modelled(), decide), Map.of());
        } catch (IOException | ConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void comparesEveryConfigurationGivenAgainstTheSameTraceAndModel() throws IOException {
        Path report = folder.resolve("compare.html");
        Configuration never = oneGroup("never.toml", new Decider("never", context -> c -> Decision.hold("no")));

        int exit = SimulateCommandTest.this.simulate(config(), List.of(never), "--group", "web", "--trace",
                trace.toString(), "--capacity", "5", "--report", report.toString());

        assertThat(exit).isEqualTo(Main.OK);
        // The summary of the first, then one row a policy and the oracle's.
        assertThat(out.toString()).contains("Group web: decided by slow-adds-one")
                .containsPattern("policy +decided by +fed +process-hours")
                .containsPattern("autoscale.toml +slow-adds-one +response-time")
                .containsPattern("never.toml +never +response-time")
                .containsPattern("oracle +knows the future");
        String html = Files.readString(report);
        assertThat(html).contains("2 policies compared", "<h2>autoscale.toml</h2>", "<h2>never.toml</h2>",
                "Assumptions, the same for every policy", "serving 5 requests/s each");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void comparesAsJsonWithOneEntryAPolicy() throws IOException {
        Configuration never = oneGroup("never.toml", new Decider("never", context -> c -> Decision.hold("no")));

        assertThat(SimulateCommandTest.this.simulate(config(), List.of(never), "--group", "web", "--trace",
                trace.toString(), "--json")).isEqualTo(Main.OK);

        JsonNode policies = new ObjectMapper().readTree(out.toString()).path("policies");
        assertThat(policies).hasSize(2);
        assertThat(policies.get(0).path("label").asText()).isEqualTo("autoscale.toml");
        assertThat(policies.get(1).path("decide_plugin").asText()).isEqualTo("never");
        assertThat(policies.get(1).path("group").asText()).isEqualTo("api");
    }

    @Test
    void namesTheGroupsOfACompareFileWithoutTheGroup() {
        // The quickstart's two groups, neither named web: which one to compare is not for us to guess.
        Configuration two = config(new Decider("other", context -> c -> Decision.hold("no")));

        assertThat(SimulateCommandTest.this.simulate(oneGroup("one.toml", slowAddsOne()), List.of(two), "--group",
                "api", "--trace", trace.toString())).isEqualTo(Main.USAGE);

        assertThat(err.toString()).contains("no group 'api' in " + folder.resolve("autoscale.toml")
                + " (given with --compare); its groups: web, worker");
    }

    private int simulate(Configuration config, List<Configuration> others, String... args) {
        SimulateCommand command = new SimulateCommand();
        new CommandLine(command).parseArgs(args);
        return command.simulate(config, others, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Adds a process while the latest response time is above 400 ms, else holds. */
    private static DecideProvider slowAddsOne() {
        Decide decide = context -> context.latest().map(Measurement::value).orElse(0.0) > 400
                ? Decision.scaleTo(context.current() + 1, "slow") : Decision.hold("fast enough");
        return new Decider("slow-adds-one", context -> decide);
    }

    /** Creates a decide plugin, or fails to, as a test wants. */
    @FunctionalInterface
    private interface Creator {
        Decide create(PluginContext context) throws PluginException;
    }

    /** A decide component by id, whose only setting is a secret token. */
    private record Decider(String id, Creator creator) implements DecideProvider {
        @Override
        public String description() {
            return "test decide plugin " + id;
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.of("token", SettingType.STRING).asSecret().doc("Masked in every message."));
        }

        @Override
        public Decide create(Settings settings, PluginContext context) throws PluginException {
            return creator.create(context);
        }
    }

    /** A measure component by id; simulations model its reading and never call it. */
    private record Measured(String id) implements MeasureProvider {
        @Override
        public String description() {
            return "modelled";
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            return () -> Measurement.failed(context.clock().instant(), "not called in a simulation");
        }
    }

    /** The scale component the groups name; simulations scale the model instead and never create it. */
    private static final class Modelled implements ScaleProvider {
        @Override
        public String id() {
            return "modelled";
        }

        @Override
        public String description() {
            return "replaced by the fleet model";
        }

        @Override
        public Scale create(Settings settings, PluginContext context) {
            throw new AssertionError("a simulation must not create the scale plugin");
        }
    }
}
