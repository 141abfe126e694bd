package io.autoscalebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion bash|zsh}: the script picocli generates from the command line's own definition. */
class CompletionCommandTest {

    @TempDir
    Path folder;

    private String script(String shell) {
        StringWriter out = new StringWriter();
        int exit = Main.execute(new String[] {"completion", shell}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertThat(exit).isZero();
        return out.toString();
    }

    @Test
    void theBashScriptCompletesEverySubcommandAndItsOptions() {
        String script = script("bash");

        assertThat(script).contains("complete -F _complete_autoscalebot")
                .contains("run", "simulate", "plugins", "config", "init", "completion", "validate", "describe")
                .contains("--target", "--dry-run", "--plugins-dir");
    }

    @Test
    void theZshScriptLoadsBashcompinit() {
        assertThat(script("zsh")).contains("bashcompinit").contains("init");
    }

    @Test
    void bashParsesTheScript() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeThat(Files.isExecutable(bash)).as("bash is installed").isTrue();
        Path file = Files.writeString(folder.resolve("autoscalebot.bash"), script("bash"));

        Process check = new ProcessBuilder(bash.toString(), "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());

        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    @Test
    void rejectsAnotherShellNamingTheTwo() {
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"completion", "fish"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("bash, zsh");
    }
}
