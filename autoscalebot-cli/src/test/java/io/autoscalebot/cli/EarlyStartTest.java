package io.autoscalebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work of {@code plugins list} and {@code config validate} started before picocli parses the command line. */
class EarlyStartTest {

    @TempDir
    Path folder;

    @Test
    void startsOnlyForCommandLinesWhoseMeaningItKnowsExactly() {
        assertThat(EarlyStart.startsFor(new String[] {"plugins", "list"})).isTrue();
        assertThat(EarlyStart.startsFor(new String[] {"plugins", "list", "--json"})).isTrue();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate"})).isTrue();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate", "--config", "a.toml"})).isTrue();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate", "-c", "a.toml"})).isTrue();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate", "--config=a.toml"})).isTrue();

        assertThat(EarlyStart.startsFor(new String[] {"plugins", "list", "--plugins-dir", "x"})).isFalse();
        assertThat(EarlyStart.startsFor(new String[] {"--plugins-dir", "x", "plugins", "list"})).isFalse();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate", "--help"})).isFalse();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate", "--config", "--help"})).isFalse();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate", "--config", "a.toml", "-x"})).isFalse();
        assertThat(EarlyStart.startsFor(new String[] {"config", "validate", "@arguments"})).isFalse();
        assertThat(EarlyStart.startsFor(new String[] {"plugins", "describe", "local"})).isFalse();
        assertThat(EarlyStart.startsFor(new String[] {"run"})).isFalse();
    }

    @Test
    void aCommandThatParsedOtherFoldersOrAnotherFileDoesItsOwnWork() {
        EarlyStart.startFor(new String[] {"config", "validate", "--config", "a.toml"});
        try {
            assertThat(EarlyStart.plugins(PluginOptions.defaultDirectories())).isEmpty();
            assertThat(EarlyStart.validation(List.of(folder), Path.of("a.toml"))).isEmpty();
            assertThat(EarlyStart.validation(PluginOptions.defaultDirectories(), Path.of("b.toml"))).isEmpty();
            assertThat(EarlyStart.validation(PluginOptions.defaultDirectories(), Path.of("a.toml"))).isPresent();
        } finally {
            EarlyStart.forget();
        }
    }

    @Test
    void validatePrintsTheSameWhetherItsWorkStartedEarlyOrNot() throws IOException {
        Path config = Files.writeString(folder.resolve("autoscale.toml"),
                "[groups.web]\nmax = 3\n[groups.web.measure]\nplugin = \"nothing\"\n");
        // An empty --plugins-dir adds no plugin, but a command line with it starts nothing early.
        Path empty = Files.createDirectories(folder.resolve("empty"));

        String early = validate("config", "validate", "--config", config.toString());
        String late = validate("config", "validate", "--config", config.toString(), "--plugins-dir", empty.toString());

        assertThat(early).contains("unknown measure plugin").contains("3 errors in " + config);
        assertThat(early).isEqualTo(late);
    }

    private static String validate(String... args) {
        StringWriter all = new StringWriter();
        PrintWriter both = new PrintWriter(all, true);
        int exit = Main.execute(args, both, both);
        return exit + System.lineSeparator() + all;
    }
}
