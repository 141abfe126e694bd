package io.autoscalebot.plugin.kubernetes.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.kubernetes.AgainstKubeApiServer;
import io.autoscalebot.plugin.kubernetes.ExecScript;
import io.autoscalebot.plugin.kubernetes.TestCertificates;
import io.autoscalebot.plugin.kubernetes.TestCertificates.KeyForm;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import io.autoscalebot.plugin.kubernetes.client.AccessResolver;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import io.autoscalebot.testkit.TestSettings;

/**
 * Runs the plugin through its failures with every kind of secret it handles (tokens in a kubeconfig, an exec
 * credential, a key) and checks that none reaches a message, a log line or a {@code toString}, in any encoding.
 */
class SecretsTest extends AgainstKubeApiServer {

    private static final String WRONG_TOKEN = "wrong-secret-token-9f8e7d";
    private static final String EXEC_ONLY_TOKEN = "exec-secret-token-1a2b3c";

    @Test
    void noSecretReachesAMessageALogLineOrAToString() throws Exception {
        String namespace = server.newNamespace("secrets");
        server.createDeployment(namespace, "web", 1);
        List<String> outputs = new ArrayList<>();

        // A token the server refuses (401), then one it accepts but RBAC refuses (403), then a 404.
        Path wrong = Kubeconfig.to(server).token(WRONG_TOKEN).namespace(namespace).writeTo(folder.resolve("wrong"));
        outputs.add(failure(Map.of("target", "deployment/web", "kubeconfig", wrong.toString())));
        Path scaler = Kubeconfig.to(server).token(KubeApiServer.SCALER_TOKEN).namespace(namespace)
                .writeTo(folder.resolve("scaler"));
        outputs.add(failure(Map.of("target", "deployment/web", "kubeconfig", scaler.toString())));
        outputs.add(failure(Map.of("target", "deployment/gone", "kubeconfig", scaler.toString())));

        // An exec credential the server refuses, and a credential command that fails after printing its token.
        ExecScript exec = ExecScript.write(Files.createDirectories(folder.resolve("exec")), EXEC_ONLY_TOKEN);
        Path execConfig = Kubeconfig.to(server).user(exec.userLines("client.authentication.k8s.io/v1", null))
                .namespace(namespace).writeTo(folder.resolve("exec-config"));
        outputs.add(failure(Map.of("target", "deployment/web", "kubeconfig", execConfig.toString())));
        Path failing = Kubeconfig.to(server).user(exec.userLines("client.authentication.k8s.io/v1", null))
                .user("  - {name: FAIL, value: \"yes\"}").writeTo(folder.resolve("failing"));
        outputs.add(failure(Map.of("target", "deployment/web", "kubeconfig", failing.toString())));

        // A kubeconfig whose YAML breaks right after the token, and one with a missing context.
        Path broken = Files.writeString(folder.resolve("broken"), "users:\n- name: u\n  user:\n    token: "
                + WRONG_TOKEN + "\n   bad: [\n");
        var provider = KubernetesScaleProviders.provider(TestEnvironment.laptop(folder), Sleeper.REAL);
        Settings brokenSettings = TestSettings.resolve(provider.settings(), Map.of("target", "deployment/web",
                "kubeconfig", broken.toString()));
        provider.validate(brokenSettings).forEach(problem -> outputs.add(problem.message()));
        provider.validate(TestSettings.resolve(provider.settings(), Map.of("target", "deployment/web", "kubeconfig",
                wrong.toString(), "context", "nope"))).forEach(problem -> outputs.add(problem.message()));

        // A client key, and what the objects holding credentials show of themselves.
        TestCertificates certificates = TestCertificates.authority(Files.createDirectories(folder.resolve("pki")));
        Path certificate = certificates.client("admin", KeyForm.EC_SEC1);
        String key = Files.readString(folder.resolve("pki/admin.key"));
        Path withKey = Kubeconfig.to(server).token(WRONG_TOKEN).user("client-certificate: " + certificate,
                "client-key-data: " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.US_ASCII)))
                .namespace(namespace).writeTo(folder.resolve("with-key"));
        var access = AccessResolver.resolve(Optional.of(withKey.toString()), Optional.empty(),
                TestEnvironment.laptop(folder), Clock.systemUTC());
        outputs.add(access.toString());
        outputs.add(access.credentials().current(io.autoscalebot.plugin.kubernetes.client.Deadline.after(
                java.time.Duration.ofSeconds(5), Clock.systemUTC())).toString());
        outputs.add(failure(Map.of("target", "deployment/web", "kubeconfig", withKey.toString())));
        outputs.addAll(logger.lines());

        assertThat(outputs).hasSizeGreaterThan(10);
        String keyBody = key.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        for (String secret : List.of(WRONG_TOKEN, KubeApiServer.SCALER_TOKEN, EXEC_ONLY_TOKEN, keyBody)) {
            for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                    Base64.getEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
                assertThat(outputs).noneSatisfy(output -> assertThat(output).contains(form));
            }
        }
    }

    /** @return the message of the first failure of create, setup, current or scaleTo */
    private String failure(Map<String, Object> settings) {
        try {
            Scale scale = scale(settings);
            scale.current();
            scale.scaleTo(2);
            return "no failure";
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
