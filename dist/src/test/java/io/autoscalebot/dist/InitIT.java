package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code init} against the bundled plugins: the file it writes for each target (and each measure kind) passes
 * {@code config validate} unchanged, and it never replaces a file without {@code --force}.
 */
class InitIT {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"heroku, response-time", "kubernetes, sidekiq", "local, rabbitmq", "local, prometheus",
            "heroku, celery-redis"})
    void theFileWrittenForEachTargetValidates(String target, String measure) {
        // The secrets the file reads are the user's to set before run; validate needs them set.
        Cli cli = Cli.of(Distribution.home(), work).withEnvironment("HEROKU_API_KEY", "heroku-token")
                .withEnvironment("RABBITMQ_PASSWORD", "rabbit-password");

        Cli.Result init = cli.run("init", "--target", target, "--measure", measure, "--group", "web", "--group",
                "worker", "--app", "shop");
        Cli.Result validate = cli.run("config", "validate");

        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(init.stdout()).contains("wrote autoscale.toml: 2 groups, " + target + ", " + measure);
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.stdout()).contains("autoscale.toml: valid, 2 groups");
    }

    @Test
    void neverReplacesAFileWithoutForce() throws IOException {
        Cli cli = Cli.of(Distribution.home(), work);
        Path config = Files.writeString(work.resolve("autoscale.toml"), "# my own\n");

        Cli.Result refused = cli.run("init", "--target", "local");
        String kept = Files.readString(config);
        Cli.Result forced = cli.run("init", "--target", "local", "--force");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("autoscale.toml already exists; not replacing it. Add --force");
        assertThat(kept).isEqualTo("# my own\n");
        assertThat(forced.exitCode()).as(forced.output()).isZero();
        assertThat(Files.readString(config)).contains("plugin = \"local\"");
    }
}
