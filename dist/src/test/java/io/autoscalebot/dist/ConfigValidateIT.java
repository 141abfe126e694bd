package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled plugins' own checks (their {@code validate}) run where the configuration is read: every setting that
 * would only fail once a group started is a configuration error at its key's FILE:LINE:COL, so {@code config validate}
 * exits 2 and {@code run} refuses to start.
 */
class ConfigValidateIT {

    /** One mistake per plugin the schema alone cannot see, each on a line of its own. */
    private static final String SEMANTIC_MISTAKES = """
            [groups.web]
            max = 3
            [groups.web.measure]
            plugin = "response-time"
            url = "ftp://127.0.0.1/health"
            [groups.web.decide]
            plugin = "consecutive-threshold"
            max_value = 10
            min_value = 50
            [groups.web.scale]
            plugin = "local"
            command = []

            [groups.worker]
            max = 2
            [groups.worker.measure]
            plugin = "celery-redis"
            url = "redis://:hunter2@localhost:notaport/0"
            [groups.worker.decide]
            plugin = "average-threshold"
            average_over = 4
            history = 3
            [groups.worker.scale]
            plugin = "heroku"
            app = "My App"
            token = "t0ken"
            [[groups.worker.notify]]
            plugin = "email"
            host = "smtp.example.com"
            from = "bot@"
            to = "ops@example.com"

            [groups.api]
            max = 2
            [groups.api.measure]
            plugin = "app-decision"
            url = "https://app.example.com/autoscale"
            mode = "instruction"
            pointer = "/depth"
            [groups.api.decide]
            plugin = "target-tracking"
            target = 0
            [groups.api.scale]
            plugin = "local"
            command = ["sh"]
            working_directory = "/nonexistent/autoscalebot-test"

            [groups.batch]
            max = 2
            [groups.batch.measure]
            plugin = "response-time"
            url = "http://127.0.0.1:1/health"
            [groups.batch.decide]
            plugin = "predictive"
            bucket = "7m"
            [groups.batch.scale]
            plugin = "local"
            command = ["sh"]
            """;

    @TempDir
    static Path work;
    private static Cli cli;
    private static Path config;

    @BeforeAll
    static void writeTheConfiguration() throws IOException {
        cli = Cli.of(Distribution.home(), work);
        config = Files.writeString(work.resolve("autoscale.toml"), SEMANTIC_MISTAKES);
    }

    @Test
    void validateReportsEachPluginsOwnCheckAtItsKeyAndExitsTwo() {
        Cli.Result result = cli.run("config", "validate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).as(result.output())
                .contains(config + ":5:1: response-time: url must be an http or https URL, got one starting with"
                        + " 'ftp:'")
                .contains(config + ":9:1: consecutive-threshold: min_value (50) is above max_value (10); set"
                        + " min_value to at most max_value")
                .contains(config + ":12:1: local: command is empty; give the program and its arguments")
                .contains(config + ":18:1: celery-redis: setting 'url': the port after the host must be a number like"
                        + " 6379, got 'notaport'")
                .contains(config + ":21:1: average-threshold: average_over (4) needs more measurements than history"
                        + " (3) keeps")
                .contains(config + ":25:1: heroku: setting 'app' must be a Heroku app name")
                .contains(config + ":30:1: email: setting 'from': \"bot@\" is not an e-mail address")
                .contains(config + ":39:1: app-decision: setting 'pointer' does not apply in mode \"instruction\"")
                .contains(config + ":42:1: target-tracking: setting 'target' must be greater than 0")
                .contains(config + ":46:1: local: working_directory /nonexistent/autoscalebot-test is not a"
                        + " directory")
                .contains(config + ":55:1: predictive: bucket must be whole seconds, at least 1m, dividing a day")
                .contains("11 errors in " + config)
                .doesNotContain("hunter2", "Exception", "\tat ");
    }

    @Test
    void runRefusesToStartWithTheSameErrorsAndExitsTwo() {
        Cli.Result result = cli.run("run", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).as(result.output())
                .contains(config + ":9:1: consecutive-threshold: min_value (50) is above max_value (10)")
                .contains(config + ":18:1: celery-redis: setting 'url': the port after the host must be a number")
                .contains("11 errors in " + config);
        assertThat(result.stdout()).as(result.output()).doesNotContain("running");
    }
}
