package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue example is valid against the bundled rabbitmq and prometheus plugins, loaded as the distribution loads
 * them: each in its own layer, reading the platform's Jackson.
 */
class QueueExamplesIT {

    @TempDir
    Path work;

    @Test
    void validateAcceptsTheQueuesExampleWithItsSecretsFromTheEnvironment() {
        Cli.Result result = Cli.of(Distribution.home(), work).in(Distribution.repository())
                .withEnvironment("RABBITMQ_PASSWORD", "rabbit-secret")
                .withEnvironment("PROMETHEUS_TOKEN", "prometheus-secret")
                .withEnvironment("HEROKU_API_KEY", "heroku-secret")
                .run("config", "validate", "--config", "examples/queues.toml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output())
                .contains("examples/queues.toml: valid, 2 groups")
                .contains("measure rabbitmq, decide target-tracking, scale heroku")
                .contains("measure prometheus, decide average-threshold, scale heroku");
        assertThat(result.output()).doesNotContain("rabbit-secret", "prometheus-secret", "heroku-secret");
    }

    @Test
    void describesTheRabbitmqPasswordAsASecret() {
        Cli.Result result = Cli.of(Distribution.home(), work).run("plugins", "describe", "rabbitmq");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output())
                .contains("rabbitmq (measure component of plugin rabbitmq)")
                .contains("  password (string, required, secret)");
    }
}
