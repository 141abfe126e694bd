package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Kubernetes path of the README hands users, checked with the distribution: the example and the ConfigMap's
 * autoscale.toml validate, and the distribution runs on the Java runtime deploy/Containerfile jlinks.
 */
class KubernetesDeployIT {

    @TempDir
    Path work;

    @Test
    void validatesTheKubernetesExample() {
        Cli.Result result = Cli.of(Distribution.home(), work).in(Distribution.repository())
                .run("config", "validate", "--config", "examples/kubernetes.toml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("examples/kubernetes.toml: valid, 1 group: web")
                .contains("scale kubernetes");
    }

    @Test
    void validatesTheAutoscaleTomlOfTheConfigMap() throws Exception {
        Path config = Files.writeString(work.resolve("autoscale.toml"), configMapToml());

        Cli.Result result = Cli.of(Distribution.home(), work).run("config", "validate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("valid, 1 group: web").contains("scale kubernetes");
    }

    @Test
    void runsOnTheRuntimeTheContainerfileJlinks() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Assumptions.assumeTrue(Files.isDirectory(jdk.resolve("jmods")), "this JDK (" + jdk + ") has no jmods to"
                + " jlink from; the Containerfile uses eclipse-temurin:17-jdk, which has them");
        Matcher modules = Pattern.compile("jlink --add-modules (\\S+)")
                .matcher(Files.readString(Distribution.repository().resolve("deploy/Containerfile")));
        assertThat(modules.find()).as("deploy/Containerfile runs jlink --add-modules ...").isTrue();
        Path runtime = work.resolve("runtime");
        List<String> jlink = new ArrayList<>(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules",
                modules.group(1), "--strip-debug", "--no-man-pages", "--no-header-files", "--output",
                runtime.toString()));
        Process process = new ProcessBuilder(jlink).redirectErrorStream(true)
                .redirectOutput(work.resolve("jlink.log").toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("jlink finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("jlink.log"))).isZero();

        Cli cli = Cli.of(Distribution.home(), work).withEnvironment("JAVA_HOME", runtime.toString());
        Cli.Result plugins = cli.run("plugins", "list");
        Cli.Result validate = cli.in(Distribution.repository())
                .run("config", "validate", "--config", "examples/kubernetes.toml");

        assertThat(plugins.exitCode()).as(plugins.output()).isZero();
        assertThat(plugins.stdout()).as(plugins.output()).contains("kubernetes").doesNotContain("not loaded");
        assertThat(validate.exitCode()).as(validate.output()).isZero();
    }

    /** The literal block under {@code autoscale.toml: |} in deploy/kubernetes/configmap.yaml. */
    private static String configMapToml() throws Exception {
        List<String> lines = Files.readAllLines(Distribution.repository().resolve("deploy/kubernetes/configmap.yaml"));
        StringBuilder toml = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.strip().equals("autoscale.toml: |")) {
                inside = true;
            } else if (inside && (line.isBlank() || line.startsWith("    "))) {
                toml.append(line.isBlank() ? "" : line.substring(4)).append('\n');
            } else if (inside) {
                break;
            }
        }
        assertThat(toml).as("configmap.yaml has an autoscale.toml").isNotEmpty();
        return toml.toString();
    }
}
