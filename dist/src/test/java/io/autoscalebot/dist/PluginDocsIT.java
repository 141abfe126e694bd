package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The example at the end of each page is meant to be copied: with its variables set as its comments say, every one
     * of them passes {@code config validate}. The groups' examples share one file (a group each, the other tables
     * filled with plain plugins); each {@code [leader]} example needs a file of its own.
     */
    @Test
    void everyPagesExampleValidatesOnceItsVariablesAreSet() throws IOException {
        Map<String, String> pages = markdownIn(Distribution.repository().resolve("docs").resolve("plugins"));
        Cli cli = Cli.of(Distribution.home(), work);
        StringBuilder groups = new StringBuilder();
        Map<String, String> leaders = new TreeMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Matcher example = EXAMPLE.matcher(page.getValue());
            assertThat(example.find()).as("an example in " + page.getKey()).isTrue();
            String toml = example.group(1);
            Matcher variable = VARIABLE.matcher(toml);
            while (variable.find()) {
                cli = cli.withEnvironment(variable.group(1), variable.group(2) != null ? variable.group(2) : "s3cret");
            }
            if (toml.startsWith("[leader]")) {
                leaders.put(page.getKey(), toml + group("leader_test", ""));
            } else {
                groups.append(group(page.getKey().replace(".md", "").replace('-', '_'), toml));
            }
        }
        Path file = work.resolve("examples.toml");
        Files.writeString(file, groups);
        Cli.Result result = cli.run("config", "validate", "--config", file.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        for (Map.Entry<String, String> leader : leaders.entrySet()) {
            Files.writeString(file, leader.getValue());
            result = cli.run("config", "validate", "--config", file.toString());
            assertThat(result.exitCode()).as(leader.getKey() + ": " + result.output()).isZero();
        }
    }

    private static final Pattern EXAMPLE = Pattern.compile("## Example\\n\\n```toml\\n(.*?)```", Pattern.DOTALL);
    /** {@code url = "${SIDEKIQ_URL}"   # like "redis://..."}: the variable and, when the page gives one, its example. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}\"(?:\\s+# like \"([^\"]*)\")?");

    /** A group named {@code name} with the example's table and plain plugins for the tables it lacks. */
    private static String group(String name, String example) {
        String table = example.replace("groups.web", "groups." + name);
        StringBuilder group = new StringBuilder("[groups.").append(name).append("]\nmax = 3\n").append(table);
        if (!table.contains("groups." + name + ".measure]")) {
            group.append("[groups.").append(name).append(".measure]\nplugin = \"static\"\nvalue = 1\n");
        }
        if (!table.contains("groups." + name + ".decide]")) {
            group.append("[groups.").append(name).append(".decide]\nplugin = \"consecutive-threshold\"\n");
        }
        if (!table.contains("groups." + name + ".scale]")) {
            group.append("[groups.").append(name).append(".scale]\nplugin = \"memory\"\n");
        }
        return group.toString();
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
