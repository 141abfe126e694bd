package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -HUP} makes a running {@code autoscalebot run} read its configuration again: an invalid file is logged
 * with its positions and the running configuration goes on; a valid one replaces it group by group.
 */
class ReloadIT {

    /** How long a log line may take to appear: a hang guard (a reload takes well under a second when quiet). */
    private static final Duration BOUND = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void sighupReloadsAValidConfigurationAndKeepsRunningOnAnInvalidOne() throws IOException, InterruptedException {
        // given: web running
        String state = Configs.stateDir(work.resolve("state"));
        Path config = Configs.write(work.resolve("autoscale.toml"), state, web());
        try (Cli.Running running = Cli.of(Distribution.home(), work).start("run", "--config", config.toString())) {
            Poll.until(BOUND, () -> running.stdout().contains("running; stop with"), running::output);

            // when: the file gets a max that is not a number, and SIGHUP
            Configs.write(config, state, web().replace("max = 1", "max = \"one\""));
            hangUp(running);

            // then: the error at its line and column, and the process still runs
            Poll.until(BOUND, () -> running.stderr().contains("still running the previous configuration"),
                    running::output);
            assertThat(running.stderr()).as(running.output())
                    .containsPattern("SEVERE io\\.autoscalebot\\.cli: SIGHUP: \\S*autoscale\\.toml has 1 error")
                    .contains(config + ":5:1: max: expected an integer");
            assertThat(running.process().isAlive()).as(running.output()).isTrue();

            // when: a valid file adds api, and SIGHUP
            Configs.write(config, state, web(), Configs.group("api", 1, 1, "interval", "1s"),
                    Configs.component("api", "measure", "static", "value", 5),
                    Configs.component("api", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                    Configs.localSleep("api", 300));
            hangUp(running);

            // then: api added, web left as it was
            Poll.until(BOUND, () -> running.stderr().contains("reloaded "), running::output);
            assertThat(running.stderr()).as(running.output())
                    .contains("1 added (api), 0 changed, 0 removed, 1 unchanged");

            running.process().destroy();
            assertThat(running.process().waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS))
                    .as("stops on SIGTERM; %s", running.output()).isTrue();
        }
    }

    /** Lines 3 to 5: {@code [groups.web]}, {@code min = 1}, {@code max = 1}. */
    private static String web() {
        return String.join("\n", Configs.group("web", 1, 1, "interval", "1s"),
                Configs.component("web", "measure", "static", "value", 5),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                Configs.localSleep("web", 300));
    }

    private static void hangUp(Cli.Running running) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(running.process().pid()))
                .redirectErrorStream(true).start();
        assertThat(kill.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -HUP").isZero();
    }
}
