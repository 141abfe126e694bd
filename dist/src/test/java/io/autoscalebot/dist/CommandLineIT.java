package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's exit codes and messages for the commands a user types first: validate, version, help, a typo. */
class CommandLineIT {

    @TempDir
    static Path work;
    private static Cli cli;

    @BeforeAll
    static void inATemporaryFolder() {
        cli = Cli.of(Distribution.home(), work);
    }

    @Test
    void validateReportsEveryErrorAsFileLineColumnAndExitsTwo() throws IOException {
        Path config = Files.writeString(work.resolve("broken.toml"), """
                [groups.web]
                interval = "often"
                min = 1
                max = 3

                [groups.web.measure]
                plugin = "response-tme"
                url = "http://127.0.0.1:1/"

                [groups.web.decide]
                plugin = "consecutive-threshold"
                fails = "three"

                [groups.web.scale]
                plugin = "local"
                """);

        Cli.Result result = cli.run("config", "validate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).as(result.output())
                .contains(config + ":2:1: interval: expected a duration like")
                .contains(config + ":7:1: unknown measure plugin 'response-tme' (did you mean 'response-time'?")
                .contains(config + ":12:1: consecutive-threshold: setting 'fails' expected an integer")
                .contains(config + ":14:13: local: missing required setting 'command'")
                .contains("4 errors in " + config);
        assertThat(result.stderr()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void validateAcceptsTheQuickstartExampleFromTheRepositoryRoot() {
        Cli.Result result = cli.in(Distribution.repository())
                .run("config", "validate", "--config", "examples/quickstart.toml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output())
                .contains("examples/quickstart.toml: valid, 1 group: demo (every ")
                .contains("measure response-time, decide consecutive-threshold, scale local)");
    }

    @Test
    void versionPrintsTheVersionsAndExitsZero() {
        Cli.Result result = cli.run("--version");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("autoscalebot ", "plugin API 1.0");
    }

    @Test
    void versionWithModuleOptionsInJavaOptsPrintsNoWarning() {
        // A bare --version starts on the class path, where the JVM warns about each module option naming ours.
        Cli.Result result = cli.withEnvironment("JAVA_OPTS",
                "--add-opens java.base/java.lang=io.autoscalebot.engine").run("--version");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stderr()).as(result.output()).isEmpty();
        assertThat(result.stdout()).as(result.output()).contains("autoscalebot ", "plugin API 1.0");
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Cli.Result result = cli.run("--help");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("Usage: autoscalebot", "run", "plugins", "config");
    }

    @Test
    void anUnknownOptionExitsTwoAndPointsToTheCommandsHelp() {
        Cli.Result result = cli.run("run", "--onse");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).as(result.output())
                .contains("Unknown option: '--onse'", "Try 'autoscalebot run --help'.");
    }
}
