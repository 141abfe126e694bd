package io.autoscalebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where plugins are looked for, and what the user is told about folders that are not there. */
class PluginOptionsTest {

    @TempDir
    Path folder;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void warnsAboutAPluginsDirThatDoesNotExist() {
        Path typo = folder.resolve("plugnis");

        int exit = execute("plugins", "list", "--plugins-dir", typo.toString());

        assertThat(exit).isEqualTo(Main.OK);
        assertThat(err.toString()).contains("autoscalebot: warning: --plugins-dir " + typo + " does not exist; no "
                + "plugins are loaded from it");
    }

    @Test
    void warnsAboutAPluginsDirThatIsAFile() throws IOException {
        Path jar = Files.writeString(folder.resolve("acme-1.0.jar"), "not a folder");

        execute("plugins", "list", "--plugins-dir", jar.toString());

        assertThat(err.toString()).contains("--plugins-dir " + jar + " is a file, not a folder");
    }

    @Test
    void acceptsPluginsDirBeforeTheSubcommand() {
        Path typo = folder.resolve("plugnis");

        int exit = execute("--plugins-dir", typo.toString(), "plugins", "list");

        assertThat(exit).as(err.toString()).isEqualTo(Main.OK);
        assertThat(err.toString()).contains("autoscalebot: warning: --plugins-dir " + typo + " does not exist");
    }

    @Test
    void searchesPluginsDirsGivenBeforeTheSubcommandFirst() {
        Path before = folder.resolve("before");
        Path after = folder.resolve("after");

        execute("--plugins-dir", before.toString(), "plugins", "list", "--plugins-dir", after.toString());

        assertThat(err.toString()).containsSubsequence("--plugins-dir " + before, "--plugins-dir " + after);
    }

    @Test
    void staysQuietAboutAnExistingPluginsDirAndTheDefaultOnes() {
        // The default ./plugins and the distribution's plugins/ do not exist where the tests run.
        execute("plugins", "list", "--plugins-dir", folder.toString());

        assertThat(err.toString()).doesNotContain("warning");
    }
}
