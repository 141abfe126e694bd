package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.notify.NotifyRules;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Valid files: what each key becomes in the loaded configuration. */
class ConfigLoaderTest extends ConfigFileTest {

    private static final String FULL = """
            state_dir = "var/state"   # relative to this file's folder

            [groups.web]
            interval = "1m"
            timeout = 20
            min = { "0:00" = 1, "8:00" = 3, "18:00" = 1 }
            max = 6
            timezone = "America/Vancouver"
            notify_on = ["scale", "Above_Max"]
            too_rapid_scales = 4
            too_rapid_period = "30m"

            [groups.web.measure]
            plugin = "response-time"
            url = "http://localhost:8080/health"
            token = "${API_TOKEN}"
            samples = "${SAMPLES}"

            [groups.web.decide]
            plugin = "consecutive-threshold"
            count = 5
            enabled = false
            steps = [2, 3]

            [groups.web.scale]
            plugin = "local"

            [[groups.web.notify]]
            plugin = "console"

            [[groups.web.notify]]
            plugin = "webhook"
            url = "https://hooks.example.com/T0/s3cr3t"

            [groups.worker]
            max = 2
            measure = { plugin = "response-time", url = "http://localhost:9090/queue" }
            decide.plugin = "consecutive-threshold"
            scale.plugin = "local"
            """;

    @Test
    void loadsTheDocumentedExample() throws Exception {
        Path example = Path.of(getClass().getResource("/config/autoscale.toml").toURI());

        EngineConfig config = ConfigLoader.load(example, TestProviders.catalog(), Map.of());

        GroupConfig web = config.groups().get(0);
        assertThat(config.stateDirectory()).isEqualTo(example.getParent().resolve(".autoscalebot"));
        assertThat(web.max()).isEqualTo(CountSchedule.fixed(3));
        assertThat(web.rules().notifyOn()).containsExactlyInAnyOrder(EventType.SCALE, EventType.ABOVE_MAX);
        assertThat(web.notifiers()).extracting(c -> c.component().id()).containsExactly("console");
    }

    @Test
    void readsANotifiersTimeOfDayNotifyOnAndLeavesItOutOfThePluginsSettings() throws ConfigException {
        EngineConfig config = files.load(ConfigFiles.VALID_GROUP.replace("max = 3", "max = 3\ntimezone = \"Europe/Berlin\"")
                + """
                [[groups.web.notify]]
                plugin = "console"
                [[groups.web.notify]]
                plugin = "console"
                notify_on = { "0:00" = [], "8:00" = ["above-max"], "18:00" = [] }
                """);

        GroupConfig web = config.groups().get(0);
        java.time.ZonedDateTime morning = java.time.ZonedDateTime.of(2026, 3, 10, 7, 59, 0, 0, web.zone());
        assertThat(web.notifiers().get(0).events()).isEqualTo(io.autoscalebot.engine.notify.EventSchedule.ALWAYS);
        io.autoscalebot.engine.notify.EventSchedule office = web.notifiers().get(1).events();
        assertThat(office.allows(EventType.ABOVE_MAX, morning)).isFalse();
        assertThat(office.allows(EventType.ABOVE_MAX, morning.plusMinutes(1))).isTrue();
        assertThat(office.allows(EventType.ABOVE_MAX, morning.withHour(18).withMinute(0))).isFalse();
        assertThat(web.notifiers().get(1).settings().values()).doesNotContainKey("notify_on");
    }

    @Test
    void readsEveryGroupKeyOfAFullFile() throws ConfigException {
        EngineConfig config = files.load(FULL, TestProviders.catalog(), Map.of("API_TOKEN", "tok-123", "SAMPLES", "7"));

        assertThat(config.file()).isEqualTo(files.file());
        assertThat(config.stateDirectory()).isEqualTo(folder.resolve("var/state"));
        assertThat(config.groups()).extracting(GroupConfig::name).containsExactly("web", "worker");
        GroupConfig web = config.groups().get(0);
        assertThat(web.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(web.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(web.zone()).isEqualTo(ZoneId.of("America/Vancouver"));
        assertThat(web.min().table()).containsExactly(Map.entry(LocalTime.MIDNIGHT, 1), Map.entry(LocalTime.of(8, 0), 3),
                Map.entry(LocalTime.of(18, 0), 1));
        assertThat(web.min().at(ZonedDateTime.of(2026, 1, 5, 9, 30, 0, 0, web.zone()))).isEqualTo(3);
        assertThat(web.max()).isEqualTo(CountSchedule.fixed(6));
        assertThat(web.rules()).isEqualTo(new NotifyRules(Set.of(EventType.SCALE, EventType.ABOVE_MAX), 4,
                Duration.ofMinutes(30)));
    }

    @Test
    void typesPluginSettingsAndAppliesTheirDefaults() throws ConfigException {
        EngineConfig config = files.load(FULL, TestProviders.catalog(), Map.of("API_TOKEN", "tok-123", "SAMPLES", "7"));

        GroupConfig web = config.groups().get(0);
        assertThat(web.measure().component().id()).isEqualTo("response-time");
        assertThat(web.measure().settings().uri("url")).isEqualTo(URI.create("http://localhost:8080/health"));
        assertThat(web.measure().settings().integer("samples")).isEqualTo(7);
        assertThat(web.measure().settings().duration("timeout")).isEqualTo(Duration.ofSeconds(5));
        assertThat(web.measure().settings().stringList("headers")).containsExactly("Accept: */*");
        assertThat(web.measure().where()).isEqualTo(files.file() + ":13:13");
        assertThat(web.decide().settings().integer("count")).isEqualTo(5);
        assertThat(web.decide().settings().bool("enabled")).isFalse();
        assertThat(web.decide().settings().integerList("steps")).containsExactly(2, 3);
        assertThat(config.groups().get(1).decide().settings().integerList("steps")).containsExactly(1, 2, 4);
        assertThat(web.scale().component().id()).isEqualTo("local");
        assertThat(web.notifiers()).extracting(c -> c.component().id()).containsExactly("console", "webhook");
        assertThat(web.notifiers().get(1).where()).isEqualTo(files.file() + ":31:14");
    }

    @Test
    void collectsEverySecretValueIncludingOnesFromTheEnvironment() throws ConfigException {
        EngineConfig config = files.load(FULL, TestProviders.catalog(), Map.of("API_TOKEN", "tok-123", "SAMPLES", "7"));

        assertThat(config.secrets()).containsExactlyInAnyOrder("tok-123", "https://hooks.example.com/T0/s3cr3t");
        assertThat(config.groups().get(0).measure().settings().toString()).contains("token=****")
                .doesNotContain("tok-123");
    }

    @Test
    void readsInlineAndDottedComponentTables() throws ConfigException {
        EngineConfig config = files.load(FULL, TestProviders.catalog(), Map.of("API_TOKEN", "t", "SAMPLES", "1"));

        GroupConfig worker = config.groups().get(1);
        assertThat(worker.measure().settings().uri("url")).isEqualTo(URI.create("http://localhost:9090/queue"));
        assertThat(worker.decide().component().id()).isEqualTo("consecutive-threshold");
        assertThat(worker.scale().component().id()).isEqualTo("local");
    }

    @Test
    void appliesTheDocumentedDefaults() throws ConfigException {
        EngineConfig config = files.load(ConfigFiles.VALID_GROUP);

        GroupConfig web = config.groups().get(0);
        assertThat(config.stateDirectory()).isEqualTo(folder.resolve(".autoscalebot"));
        assertThat(web.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(web.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(web.min()).isEqualTo(CountSchedule.fixed(1));
        assertThat(web.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(web.rules()).isEqualTo(NotifyRules.DEFAULTS);
        assertThat(web.notifiers()).isEmpty();
        assertThat(config.secrets()).isEmpty();
    }

    @Test
    void bringsTheDefaultTimeoutDownToAShortInterval() throws ConfigException {
        EngineConfig config = files.load(ConfigFiles.VALID_GROUP.replace("max = 3", "max = 3\ninterval = \"5s\""));

        assertThat(config.groups().get(0).timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void expandsAVariableThatIsSet() throws ConfigException {
        EngineConfig config = files.load(ConfigFiles.VALID_GROUP.replace("localhost:8080", "${HEALTH_HOST}:8080"),
                TestProviders.catalog(), Map.of("HEALTH_HOST", "app.internal"));

        assertThat(config.groups().get(0).measure().settings().uri("url"))
                .isEqualTo(URI.create("http://app.internal:8080/health"));
    }

    @Test
    void usesTheDefaultOfAVariableThatIsNotSet() throws ConfigException {
        EngineConfig config = files.load(ConfigFiles.VALID_GROUP.replace("max = 3", "max = \"${MAX:-4}\""));

        assertThat(config.groups().get(0).max()).isEqualTo(CountSchedule.fixed(4));
    }

    @Test
    void keepsAnEscapedReferenceLiteral() throws ConfigException {
        EngineConfig config = files.load(ConfigFiles.VALID_GROUP.replace("url = ",
                "headers = [\"X-Template: $${literal}\"]\nurl = "));

        assertThat(config.groups().get(0).measure().settings().stringList("headers"))
                .containsExactly("X-Template: ${literal}");
    }

    @Test
    void acceptsOneNotifyTableAsWellAsAnArrayOfThem() throws ConfigException {
        EngineConfig config = files.load(ConfigFiles.VALID_GROUP + "[groups.web.notify]\nplugin = \"console\"\n");

        assertThat(config.groups().get(0).notifiers()).extracting(c -> c.component().id()).containsExactly("console");
    }

    @Test
    void readsGroupsInFileOrder() throws ConfigException {
        String second = ConfigFiles.VALID_GROUP.replace("groups.web", "groups.api");
        String third = ConfigFiles.VALID_GROUP.replace("groups.web", "groups.batch");

        EngineConfig config = files.load(ConfigFiles.VALID_GROUP + second + third);

        assertThat(config.groups()).extracting(GroupConfig::name).isEqualTo(List.of("web", "api", "batch"));
    }
}
