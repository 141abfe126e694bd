package io.autoscalebot.plugin.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.plugin.kubernetes.TestCertificates;
import io.autoscalebot.plugin.kubernetes.TestCertificates.KeyForm;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KubeConfigTest {

    @TempDir
    Path folder;

    private final Clock clock = Clock.systemUTC();

    @Test
    void readsTheCurrentContextsServerTokenAndNamespace() throws Exception {
        Path file = write("config", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster:
                    server: https://10.0.0.1:6443
                    insecure-skip-tls-verify: true
                users:
                - name: ci
                  user:
                    token: "secret-token-1"
                contexts:
                - name: prod
                  context: {cluster: prod, user: ci, namespace: shop}
                current-context: prod
                """);

        ClusterAccess access = KubeConfig.read(List.of(file)).access(Optional.empty(), clock);

        assertThat(access.server()).isEqualTo(URI.create("https://10.0.0.1:6443"));
        assertThat(access.trust().insecure()).isTrue();
        assertThat(access.namespace()).contains("shop");
        assertThat(access.credentials().current(deadline()).token()).contains("secret-token-1");
        assertThat(access.credentials().describe()).isEqualTo("the token of user 'ci' in " + file);
        assertThat(access.source()).isEqualTo("context 'prod' of " + file);
    }

    @Test
    void usesTheNamedContextAndSuggestsTheOneMeantWhenItIsMissing() throws Exception {
        Path file = write("config", twoContexts());
        KubeConfig config = KubeConfig.read(List.of(file));

        assertThat(config.access(Optional.of("staging"), clock).server()).isEqualTo(URI.create("https://staging:6443"));
        assertThatThrownBy(() -> config.access(Optional.of("stagign"), clock))
                .isInstanceOf(KubeConfigException.class)
                .hasMessage("no context 'stagign' in " + file + " (did you mean 'staging'?)")
                .extracting(e -> ((KubeConfigException) e).setting()).isEqualTo("context");
        assertThatThrownBy(() -> config.access(Optional.of("qa"), clock))
                .hasMessage("no context 'qa' in " + file + "; contexts there: prod, staging");
    }

    @Test
    void trustsTheCertificateAuthorityGivenAsAFileBesideTheKubeconfigOrInline() throws Exception {
        TestCertificates certificates = TestCertificates.authority(folder);
        String pem = TestCertificates.read(certificates.caCertificate());
        Path relative = write("relative", cluster("certificate-authority: ca.crt") + user("token: t"));
        Path inline = write("inline", cluster("certificate-authority-data: "
                + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))) + user("token: t"));

        for (Path file : List.of(relative, inline)) {
            Trust trust = KubeConfig.read(List.of(file)).access(Optional.empty(), clock).trust();
            assertThat(trust.insecure()).isFalse();
            assertThat(trust.authorities()).singleElement().satisfies(ca -> assertThat(
                    ca.getSubjectX500Principal().getName()).isEqualTo("CN=test-ca"));
        }
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void readsAClientCertificateWithItsKeyInEachFormAsFilesOrInline(KeyForm form) throws Exception {
        TestCertificates certificates = TestCertificates.authority(folder);
        Path certificate = certificates.client("admin", form);
        Path key = folder.resolve("admin.key");
        Path files = write("files", cluster("insecure-skip-tls-verify: true")
                + user("client-certificate: " + certificate, "client-key: " + key));
        Path inline = write("inline", cluster("insecure-skip-tls-verify: true")
                + user("client-certificate-data: " + base64(certificate), "client-key-data: " + base64(key)));

        for (Path file : List.of(files, inline)) {
            Auth auth = KubeConfig.read(List.of(file)).access(Optional.empty(), clock).credentials()
                    .current(deadline());
            assertThat(auth.token()).isEmpty();
            assertThat(auth.clientCertificate()).hasValueSatisfying(material -> {
                assertThat(material.subject()).isEqualTo("O=testers,CN=admin");
                assertThat(material.key().getAlgorithm()).isEqualTo(form == KeyForm.EC_SEC1 ? "EC" : "RSA");
            });
            assertThat(auth.toString()).isEqualTo("Auth[token=none, certificate=O=testers,CN=admin]");
            assertThat(auth.clientCertificate().get().toString()).endsWith("key=****]");
        }
    }

    @Test
    void refusesAClientCertificateWithoutItsKeyAndSaysWhich() throws Exception {
        Path file = write("config", cluster("insecure-skip-tls-verify: true")
                + user("client-certificate-data: " + Base64.getEncoder().encodeToString("x".getBytes())));

        assertThatThrownBy(() -> KubeConfig.read(List.of(file)).access(Optional.empty(), clock))
                .hasMessage("user 'tester' in " + file + " has a client-certificate without its client-key; give"
                        + " both");
    }

    @Test
    void refusesWhatKubectlDroppedInsteadOfConnectingDifferently() throws Exception {
        Path provider = write("provider", cluster("insecure-skip-tls-verify: true")
                + user("auth-provider:", "  name: gcp"));
        Path basic = write("basic", cluster("insecure-skip-tls-verify: true")
                + user("username: admin", "password: hunter2-secret"));

        assertThatThrownBy(() -> KubeConfig.read(List.of(provider)).access(Optional.empty(), clock))
                .hasMessageContaining("uses auth-provider 'gcp', which kubectl removed in 1.26; switch to its exec"
                        + " plugin");
        assertThatThrownBy(() -> KubeConfig.read(List.of(basic)).access(Optional.empty(), clock))
                .hasMessageContaining("basic auth")
                .hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void saysWhereTheYamlIsBrokenWithoutQuotingTheFile() throws Exception {
        Path file = write("config", "apiVersion: v1\nusers:\n- name: ci\n  user:\n    token: leaked-secret-42\n"
                + "   broken: [\n");

        assertThatThrownBy(() -> KubeConfig.read(List.of(file)))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining(": not valid YAML (")
                .hasMessageNotContaining("leaked-secret-42")
                .hasMessageNotContaining("token");
    }

    @Test
    void refusesAFileThatIsNotAKubeconfig() throws Exception {
        Path file = write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n");

        assertThatThrownBy(() -> KubeConfig.read(List.of(file)))
                .hasMessage(file + " is not a kubeconfig: its kind is 'Pod', not 'Config'");
    }

    @Test
    void checksTheExecSectionWithoutRunningIt() throws Exception {
        Path alpha = write("alpha", cluster("insecure-skip-tls-verify: true") + user("exec:",
                "  apiVersion: client.authentication.k8s.io/v1alpha1", "  command: aws"));
        Path interactive = write("interactive", cluster("insecure-skip-tls-verify: true") + user("exec:",
                "  apiVersion: client.authentication.k8s.io/v1", "  command: login", "  interactiveMode: Always"));

        assertThatThrownBy(() -> KubeConfig.read(List.of(alpha)).access(Optional.empty(), clock))
                .hasMessageContaining("exec apiVersion must be one of client.authentication.k8s.io/v1,"
                        + " client.authentication.k8s.io/v1beta1, got 'client.authentication.k8s.io/v1alpha1'");
        assertThatThrownBy(() -> KubeConfig.read(List.of(interactive)).access(Optional.empty(), clock))
                .hasMessageContaining("interactiveMode Always");
    }

    @Test
    void mergesTheFilesOfKubeconfigTheFirstToNameSomethingWinning() throws Exception {
        Path first = write("first", "current-context: b\nusers:\n- name: u\n  user: {token: from-first}\n");
        Path second = write("second", twoContexts().replace("token: t", "token: from-second"));
        TestEnvironment laptop = new TestEnvironment(Map.of("KUBECONFIG", first + ":" + second), folder,
                folder.resolve("none"));

        ClusterAccess access = AccessResolver.resolve(Optional.empty(), Optional.of("staging"), laptop, clock);

        assertThat(access.server()).isEqualTo(URI.create("https://staging:6443"));
        assertThat(access.credentials().current(deadline()).token()).contains("from-first");
        assertThatThrownBy(() -> AccessResolver.resolve(Optional.empty(), Optional.empty(), laptop, clock))
                .hasMessageContaining("no context 'b'");
    }

    @Test
    void usesThePodsServiceAccountOnlyWhenNoKubeconfigOrContextIsSet() throws Exception {
        TestCertificates certificates = TestCertificates.authority(folder);
        Path account = Files.createDirectories(folder.resolve("serviceaccount"));
        Files.writeString(account.resolve("token"), "pod-token\n");
        Files.copy(certificates.caCertificate(), account.resolve("ca.crt"));
        Files.writeString(account.resolve("namespace"), "shop");
        Path home = Files.createDirectories(folder.resolve("home/.kube")).getParent();
        Files.writeString(home.resolve(".kube/config"), twoContexts());
        TestEnvironment pod = new TestEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "KUBERNETES_SERVICE_PORT", "443"), home, account);

        ClusterAccess inCluster = AccessResolver.resolve(Optional.empty(), Optional.empty(), pod, clock);
        ClusterAccess named = AccessResolver.resolve(Optional.empty(), Optional.of("staging"), pod, clock);

        assertThat(inCluster.server()).isEqualTo(URI.create("https://10.96.0.1:443"));
        assertThat(inCluster.namespace()).contains("shop");
        assertThat(inCluster.credentials().current(deadline()).token()).contains("pod-token");
        assertThat(inCluster.trust().authorities()).hasSize(1);
        assertThat(named.server()).isEqualTo(URI.create("https://staging:6443"));
    }

    @Test
    void saysWhatItLookedForWhenThereIsNoClusterAtAll() {
        TestEnvironment laptop = TestEnvironment.laptop(folder);

        assertThatThrownBy(() -> AccessResolver.resolve(Optional.empty(), Optional.empty(), laptop, clock))
                .hasMessage("no cluster to talk to: not in a pod (KUBERNETES_SERVICE_HOST is not set), KUBECONFIG is"
                        + " not set and " + folder.resolve("home/.kube/config") + " does not exist; set kubeconfig"
                        + " to a file kubectl works with, or run autoscalebot in the cluster");
    }

    @Test
    void expandsTheHomeFolderInTheKubeconfigSetting() throws Exception {
        Path home = Files.createDirectories(folder.resolve("home"));
        Files.writeString(home.resolve("cluster.yaml"), twoContexts());
        TestEnvironment laptop = new TestEnvironment(Map.of(), home, folder.resolve("none"));

        assertThat(AccessResolver.resolve(Optional.of("~/cluster.yaml"), Optional.empty(), laptop, clock).server())
                .isEqualTo(URI.create("https://prod:6443"));
        assertThat(AccessResolver.check(Optional.of("~/missing.yaml"), Optional.empty(), laptop))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("kubeconfig " + home.resolve("missing.yaml")
                        + " does not exist"));
        assertThat(AccessResolver.check(Optional.empty(), Optional.empty(), laptop)).isEmpty();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    private Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(5), clock);
    }

    private static String base64(Path file) throws Exception {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    private static String cluster(String line) {
        return "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n    " + line + "\n"
                + "contexts:\n- name: x\n  context: {cluster: c, user: tester}\ncurrent-context: x\n";
    }

    private static String user(String... lines) {
        StringBuilder text = new StringBuilder("users:\n- name: tester\n  user:\n");
        for (String line : lines) {
            text.append("    ").append(line).append('\n');
        }
        return text.toString();
    }

    private static String twoContexts() {
        return """
                clusters:
                - name: prod
                  cluster: {server: "https://prod:6443"}
                - name: staging
                  cluster: {server: "https://staging:6443"}
                users:
                - name: u
                  user: {token: t}
                contexts:
                - name: prod
                  context: {cluster: prod, user: u}
                - name: staging
                  context: {cluster: staging, user: u}
                current-context: prod
                """;
    }
}
