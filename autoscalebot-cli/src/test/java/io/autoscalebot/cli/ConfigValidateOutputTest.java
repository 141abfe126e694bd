package io.autoscalebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code config validate} prints for a file with many mistakes: a screenful, not every one. */
class ConfigValidateOutputTest {

    @TempDir
    Path folder;

    @Test
    void validateShowsTheFirstTwentyErrorsThenHowManyMore() throws IOException {
        // No plugins are installed where the tests run: every group's measure, decide and scale is unknown.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("[groups.g").append(i).append("]\nmax = 3\n[groups.g").append(i)
                    .append(".measure]\nplugin = \"nothing\"\n");
        }
        Path config = Files.writeString(folder.resolve("autoscale.toml"), text);
        StringWriter err = new StringWriter();

        int exit = Main.execute(new String[] {"config", "validate", "--config", config.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString().lines().filter(line -> line.startsWith(config.toString()))).hasSize(20);
        assertThat(err.toString()).contains("... and 70 more" + System.lineSeparator() + "90 errors in " + config);
    }
}
