package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code docs/plugins/*.md} are what {@code plugins docs} writes from the bundled plugins' declared
 * settings, so a changed declaration fails the build until the docs are regenerated.
 */
class PluginDocsIT {

    private static final String REGENERATE = "the committed docs/plugins/ differ from the plugins' declared settings;"
            + " regenerate them from the repository root with"
            + " `dist/target/autoscalebot/bin/autoscalebot plugins docs --out docs/plugins` and commit the result";

    @TempDir
    Path work;

    @Test
    void committedPluginDocsAreWhatPluginsDocsGeneratesFromTheBundledPlugins() throws IOException {
        Path out = work.resolve("docs");

        Cli.Result result = Cli.of(Distribution.home(), work).run("plugins", "docs", "--out", out.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, String> generated = markdownIn(out);
        assertThat(generated).as("generated docs").isNotEmpty().containsKeys("heroku.md", "local.md", "test.md");
        assertThat(markdownIn(Distribution.repository().resolve("docs").resolve("plugins")))
                .as(REGENERATE).isEqualTo(generated);
    }

    private static Map<String, String> markdownIn(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : (Iterable<Path>) entries.filter(f -> f.toString().endsWith(".md"))::iterator) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
