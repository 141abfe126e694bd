package io.autoscalebot.plugin.kubernetes.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.kubernetes.RecordingLogger;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

/** What {@code config validate} learns from the provider without a cluster, and what create() refuses. */
class KubernetesScaleProviderTest {

    @TempDir
    Path folder;

    @Test
    void keepsACallBelowTheEnginesDefaultTimeoutOfTenSeconds() {
        assertThat(provider().settings()).filteredOn(setting -> setting.name().equals("timeout")).singleElement()
                .satisfies(timeout -> assertThat((Duration) timeout.defaultValue()).isLessThan(Duration.ofSeconds(10)));
    }

    @Test
    void acceptsATargetAloneBecauseTheClusterIsFoundWhereItRuns() throws Exception {
        assertThat(provider().validate(settings(Map.of("target", "deployment/web")))).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnceUnderTheSettingItIsAbout() throws Exception {
        List<SettingProblem> problems = provider().validate(settings(Map.of("target", "deploymnet/web",
                "namespace", "Shop", "timeout", "0s", "kubeconfig", folder.resolve("missing").toString())));

        assertThat(problems).extracting(SettingProblem::key)
                .containsExactly("target", "namespace", "timeout", "kubeconfig");
        assertThat(problems).extracting(SettingProblem::message).containsExactly(
                "setting 'target': unknown kind 'deploymnet' (did you mean 'deployment/web'?); write deployment,"
                        + " statefulset, replicaset or replicationcontroller, or for another resource with a /scale"
                        + " subresource RESOURCE.VERSION.GROUP/NAME, like rollouts.v1alpha1.argoproj.io/web"
                        + " (`kubectl api-resources` lists them)",
                "setting 'namespace': 'Shop' must be lower case letters, digits and '-', starting and ending with a"
                        + " letter or digit (an RFC 1123 label, like my-app)",
                "setting 'timeout' must be more than 0s, like \"8s\"",
                "kubeconfig " + folder.resolve("missing") + " does not exist");
    }

    @Test
    void checksTheContextInTheKubeconfigFoundWhenOnlyTheContextIsSet() throws Exception {
        Path home = Files.createDirectories(folder.resolve("home/.kube")).getParent();
        Files.writeString(home.resolve(".kube/config"), "clusters:\n- name: c\n  cluster: {server: \"https://k:6443\"}\n"
                + "contexts:\n- name: prod\n  context: {cluster: c}\n");
        KubernetesScaleProvider provider = new KubernetesScaleProvider(new TestEnvironment(Map.of(), home,
                folder.resolve("none")), Sleeper.REAL);

        assertThat(provider.validate(settings(Map.of("target", "deployment/web", "context", "prod")))).isEmpty();
        assertThat(provider.validate(settings(Map.of("target", "deployment/web", "context", "prd"))))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo("context");
                    assertThat(problem.message()).isEqualTo("no context 'prd' in " + home.resolve(".kube/config")
                            + " (did you mean 'prod'?)");
                });
    }

    @Test
    void createRefusesWhatValidateReports() throws Exception {
        KubernetesScaleProvider provider = provider();

        assertThatThrownBy(() -> provider.create(settings(Map.of("target", "web")), TestContexts.plugin()
                .clock(Clock.systemUTC()).logger(new RecordingLogger()).stateDirectory(folder).build()))
                .isInstanceOf(PluginException.class)
                .hasMessage("setting 'target' must be KIND/NAME, like deployment/web or statefulset/db, got 'web'");
    }

    private KubernetesScaleProvider provider() {
        return new KubernetesScaleProvider(TestEnvironment.laptop(folder), Sleeper.REAL);
    }

    private Settings settings(Map<String, Object> raw) throws Exception {
        return TestSettings.resolve(provider().settings(), raw);
    }
}
