package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run}s on one configuration without {@code [leader]} (a deploy overlap, a one-off run): the second is
 * refused with exit 2 and says what to do, since both would scale; a dry run may still run beside the first.
 */
class SecondInstanceIT {

    private static final Duration START_BOUND = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void aSecondRunOnTheSameStateDirectoryIsRefusedWhileTheFirstRuns() throws IOException, InterruptedException {
        Path config = Configs.write(work.resolve("autoscale.toml"), Configs.stateDir(work.resolve("state")),
                Configs.group("web", 1, 2, "interval", "1h"),
                Configs.component("web", "measure", "static", "value", 5),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                Configs.component("web", "scale", "memory", "start", 1));
        Cli cli = Cli.of(Distribution.home(), work);

        try (Cli.Running first = cli.start("run", "--config", config.toString())) {
            Poll.until(START_BOUND, () -> first.stdout().contains("running; stop with Ctrl-C or SIGTERM"),
                    first::output);

            Cli.Result second = cli.run("run", "--once", "--config", config.toString());
            Cli.Result dryRun = cli.run("run", "--once", "--dry-run", "--config", config.toString());

            assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
            assertThat(second.stderr()).containsPattern("another autoscalebot \\(pid \\d+\\) already runs with the"
                    + " state directory").contains("[leader]").doesNotContain("Exception");
            assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        }
    }
}
