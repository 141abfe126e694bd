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

/**
 * {@code init} without plugins installed (none are where these tests run): it refuses to replace a file, rejects
 * unknown choices, and writes nothing that does not validate. That each target's file validates against the real
 * plugins is checked in the distribution's InitIT.
 */
class InitCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int init(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "init";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void refusesToReplaceAnExistingFileWithoutForce() throws IOException {
        Path config = Files.writeString(folder.resolve("autoscale.toml"), "# mine\n");

        int exit = init("--target", "local", "--config", config.toString());

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains(config + " already exists; not replacing it. Add --force");
        assertThat(Files.readString(config)).isEqualTo("# mine\n");
    }

    @Test
    void writesNothingThatDoesNotValidateAndLeavesNoDraftBehind() throws IOException {
        Path config = Files.writeString(folder.resolve("autoscale.toml"), "# mine\n");

        int exit = init("--target", "local", "--force", "--config", config.toString());

        assertThat(exit).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("does not validate against the installed plugins; nothing was written")
                .contains(config + ":").contains("unknown measure plugin 'response-time'")
                .doesNotContain(".init");
        assertThat(Files.readString(config)).isEqualTo("# mine\n");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("autoscale.toml");
        }
    }

    @Test
    void rejectsAnUnknownTargetNamingTheKnownOnes() {
        int exit = init("--target", "nomad", "--config", folder.resolve("a.toml").toString());

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--target: unknown value 'nomad' (use one of: heroku, kubernetes, local)");
        assertThat(folder.resolve("a.toml")).doesNotExist();
    }

    @Test
    void needsATargetWhenThereIsNoTerminalToAsk() {
        int exit = init("--config", folder.resolve("a.toml").toString());

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--target is required (heroku, kubernetes or local)");
    }

    @Test
    void asksForTheMissingFlagsWhenAPersonCanAnswer() {
        InitCommand command = new InitCommand();
        command.questions = new java.io.BufferedReader(new java.io.StringReader("kubernetes\nweb worker\n\n"));
        picocli.CommandLine line = new picocli.CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));

        int exit = line.execute("--config", folder.resolve("a.toml").toString());

        // No plugins here, so it stops at validation, having used the answers.
        assertThat(exit).isEqualTo(Main.FAILURE);
        assertThat(out.toString()).contains("Where do the processes run (heroku, kubernetes, local)?")
                .contains("Which process groups (space-separated)? [web]")
                .contains("What to measure (response-time, sidekiq, celery-redis, rabbitmq, prometheus)?")
                .doesNotContain("Heroku app");
        assertThat(err.toString()).contains("the kubernetes configuration does not validate");
        // Two groups, web and worker, each naming the kubernetes scale plugin.
        assertThat(err.toString().lines().filter(l -> l.contains("unknown scale plugin 'kubernetes'"))).hasSize(2);
        assertThat(folder.resolve("a.toml")).doesNotExist();
    }

    @Test
    void theTemplateScalesEachGroupByItsOwnNameAndReadsSecretsFromTheEnvironment() {
        ConfigTemplate template = new ConfigTemplate(ConfigTemplate.Target.HEROKU, List.of("web", "worker"),
                ConfigTemplate.Measure.RABBITMQ, "shop", null, "http://127.0.0.1/", 4);

        String text = template.text();

        assertThat(text).contains("[groups.web.scale]\nplugin = \"heroku\"\napp = \"shop\"\nprocess_type = \"web\"")
                .contains("process_type = \"worker\"").contains("token = \"${HEROKU_API_KEY}\"")
                .contains("password = \"${RABBITMQ_PASSWORD}\"").contains("max = 4 ");
        assertThat(template.requiredVariables()).containsOnlyKeys("HEROKU_API_KEY", "RABBITMQ_PASSWORD");
    }
}
