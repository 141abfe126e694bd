package io.autoscalebot.engine.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ManualClock;
import io.autoscalebot.engine.loop.RecordingLogger;
import io.autoscalebot.engine.loop.TestGroups;
import io.autoscalebot.engine.loop.TestPlugins;
import io.autoscalebot.engine.loop.VirtualScheduler;
import io.autoscalebot.engine.settings.SettingsException;
import io.autoscalebot.engine.settings.SettingsResolver;
import io.autoscalebot.engine.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What /status and /metrics hold after ticks in virtual time: web scales once then hits its max, api cannot measure. */
class StatusAfterTicksTest {

    private static final Decide ONE_MORE = context -> Decision.scaleTo(context.current() + 1, "busy");

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final EngineMetrics metrics = new EngineMetrics(Engine.latenessBounds(), "1.2.3");
    private Engine engine;
    private StatusJson status;
    private StatusBoard board;

    @BeforeEach
    void twoTicksOfTwoGroups() {
        TestGroups web = new TestGroups();
        web.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        web.decide = withPostScaleWait(TestPlugins.decide("one-more", ONE_MORE), Duration.ofMinutes(5));
        web.scale = TestPlugins.scale("fake", new TestPlugins.FakeScale(2));
        web.max = CountSchedule.fixed(3);
        TestGroups api = new TestGroups();
        api.measure = TestPlugins.measure("broken", () -> {
            throw new IllegalStateException("no connection pool");
        });
        api.decide = TestPlugins.decide("one-more", ONE_MORE);
        api.scale = TestPlugins.scale("fake", new TestPlugins.FakeScale(2));
        EngineConfig config = TestGroups.engine(stateDir, Set.of(), web.build("web"), api.build("api"));
        board = new StatusBoard(config.groups().stream().map(g -> g.name()).toList(), metrics);
        engine = new Engine(config, clock, scheduler, new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log), board);
        status = new StatusJson(board, config.groups(), clock, engine::lateness, Role.ACTIVE);

        engine.start();
        scheduler.runDue();
        scheduler.advance(Duration.ofMinutes(1));
    }

    /** The decide component with a {@code post_scale_wait} setting, as the bundled threshold plugins declare it. */
    private static ComponentConfig withPostScaleWait(ComponentConfig decide, Duration wait) {
        try {
            return new ComponentConfig(decide.component(), SettingsResolver.resolve(List.of(Setting.of(
                    "post_scale_wait", SettingType.DURATION).doc("the wait")), Map.of("post_scale_wait",
                    wait.toMinutes() + "m")), decide.where());
        } catch (SettingsException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        engine.stop(Duration.ofSeconds(1));
    }

    @Test
    void statusShowsEachGroupsCountsDecisionMeasurementAndConditions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(status.write());

        assertThat(root.path("role").asText()).isEqualTo("active");
        assertThat(root.path("lateness").path("ticks").asLong()).isEqualTo(4);
        JsonNode web = root.path("groups").get(0);
        assertThat(web.path("name").asText()).isEqualTo("web");
        assertThat(web.path("last_tick").asText()).isEqualTo("2026-03-10T12:01:00Z");
        assertThat(web.path("outcome").asText()).isEqualTo("held");
        assertThat(web.path("current").asInt()).isEqualTo(3);
        assertThat(web.path("target").asInt()).isEqualTo(3);
        assertThat(web.path("min").asInt()).isEqualTo(1);
        assertThat(web.path("max").asInt()).isEqualTo(3);
        assertThat(web.path("reason").asText()).contains("busy").contains("max");
        assertThat(web.path("measurement").path("value").asDouble()).isEqualTo(1500);
        assertThat(web.path("last_scale").path("from").asInt()).isEqualTo(2);
        assertThat(web.path("last_scale").path("to").asInt()).isEqualTo(3);
        assertThat(web.path("last_scale").path("time").asText()).isEqualTo("2026-03-10T12:00:00Z");
        assertThat(web.path("open_conditions")).extracting(JsonNode::asText).containsExactly("ABOVE_MAX");
        assertThat(web.path("lateness_seconds").isNumber()).isTrue();
        // Scaled at 12:00 with a 5 minute wait, looked at 12:01.
        assertThat(web.path("post_scale_wait_left_seconds").asDouble()).isEqualTo(240.0);
        assertThat(root.path("groups").get(1).path("post_scale_wait_left_seconds").isNull())
                .as("api's decide declares no wait").isTrue();
        JsonNode api = root.path("groups").get(1);
        assertThat(api.path("outcome").asText()).isEqualTo("failed");
        assertThat(api.path("failure").asText()).contains("measurement failed").contains("no connection pool");
        assertThat(api.path("measurement").path("failure").asText()).contains("no connection pool");
        assertThat(api.path("open_conditions")).extracting(JsonNode::asText).contains("MEASUREMENT_FAILED");
    }

    @Test
    void metricsCountProcessesScalesErrorsLatenessAndPluginCalls() {
        Metrics read = new Metrics(metrics);

        assertThat(read.value("autoscalebot_group_processes", "group", "web")).isEqualTo(3);
        assertThat(read.value("autoscalebot_group_desired_processes", "group", "web")).isEqualTo(3);
        assertThat(read.value("autoscalebot_measurement_value", "group", "web")).isEqualTo(1500);
        assertThat(read.value("autoscalebot_scale_actions", "group", "web", "direction", "up")).isEqualTo(1);
        assertThat(read.value("autoscalebot_errors", "group", "api", "stage", "measure")).isEqualTo(2);
        assertThat(read.value("autoscalebot_tick_lateness_seconds")).as("ticks observed").isEqualTo(4);
        // Every call into web's measure plugin, by its kind: per tick its measure (its before-tick hook is the API's
        // do-nothing default, which the pipeline does not call).
        assertThat(read.value("autoscalebot_plugin_call_seconds", "group", "web", "stage", "measure"))
                .as("calls into web's measure plugin").isEqualTo(2);
        assertThat(read.value("autoscalebot_build", "version", "1.2.3")).isEqualTo(1);
    }

    @Test
    void aDryRunScaleLeavesTheProcessesGaugeAtTheRealCount() {
        EngineMetrics dry = new EngineMetrics(Engine.latenessBounds(), "x");
        StatusBoard board = new StatusBoard(List.of("web"), dry, true);
        TestGroups web = new TestGroups();
        web.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        web.decide = TestPlugins.decide("one-more", ONE_MORE);
        web.scale = TestPlugins.scale("fake", new TestPlugins.FakeScale(2));
        Engine dryEngine = new Engine(TestGroups.engine(stateDir.resolve("dry"), Set.of(), web.build("web")), clock,
                new VirtualScheduler(clock), new FileStateStore(stateDir.resolve("dry"), log),
                EngineOptions.DEFAULT.withDryRun(true).withLoggers(name -> log), board);
        try {
            dryEngine.runOnce();
        } finally {
            dryEngine.stop(Duration.ofSeconds(1));
        }

        Metrics read = new Metrics(dry);
        assertThat(read.value("autoscalebot_group_processes", "group", "web")).isEqualTo(2);
        assertThat(read.value("autoscalebot_group_desired_processes", "group", "web")).isEqualTo(3);
        assertThat(read.value("autoscalebot_scale_actions", "group", "web", "direction", "up")).isEqualTo(1);
    }

    @Test
    void aReloadListsTheNewGroupsAndDropsARemovedOnesStatusAndSeries() throws Exception {
        board.regroup(List.of("worker", "web"), UnaryOperator.identity());

        JsonNode groups = new ObjectMapper().readTree(status.write()).path("groups");
        assertThat(groups).extracting(group -> group.path("name").asText()).containsExactly("worker", "web");
        assertThat(groups.get(0).path("last_tick").isNull()).as("worker has not ticked yet").isTrue();
        assertThat(groups.get(1).path("current").asInt()).as("web kept its last tick").isEqualTo(3);
        Metrics read = new Metrics(metrics);
        assertThat(read.value("autoscalebot_group_processes", "group", "web")).isEqualTo(3);
        assertThatThrownBy(() -> read.value("autoscalebot_errors", "group", "api", "stage", "measure"))
                .as("api's series are gone").hasMessageContaining("has no series");
    }

    @Test
    void aReloadMasksTheNewConfigurationsSecretsInReasons() throws Exception {
        board.regroup(List.of("web", "api"), text -> text.replace("connection pool", "****"));
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(status.write()).contains("no ****").doesNotContain("connection pool");
    }

    @Test
    void aGroupThatHasNotTickedIsListedWithoutATick() throws Exception {
        StatusBoard empty = new StatusBoard(List.of("worker"), new EngineMetrics(Engine.latenessBounds(),
                "x"));
        JsonNode root = new ObjectMapper().readTree(new StatusJson(empty, List.of(), clock,
                engine::lateness, Role.ACTIVE).write());

        assertThat(root.path("groups").get(0).path("name").asText()).isEqualTo("worker");
        assertThat(root.path("groups").get(0).path("last_tick").isNull()).isTrue();
    }
}
