package io.autoscalebot.plugin.kubernetes.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.plugin.kubernetes.AgainstKubeApiServer;
import io.autoscalebot.plugin.kubernetes.ExecScript;
import io.autoscalebot.plugin.kubernetes.FakeApiServer;
import io.autoscalebot.plugin.kubernetes.MutableClock;
import io.autoscalebot.plugin.kubernetes.TestCertificates;
import io.autoscalebot.plugin.kubernetes.TestCertificates.KeyForm;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way the plugin authenticates, against the real API server where it can check them. */
class AuthenticationTest extends AgainstKubeApiServer {

    private String namespace;
    private String deployment;

    @BeforeEach
    void deploymentTheScalerMayScale() {
        namespace = server.newNamespace("auth");
        server.createDeployment(namespace, "web", 2);
        deployment = "/apis/apps/v1/namespaces/" + namespace + "/deployments/web";
        server.grantScaler(namespace, "autoscalebot", SCALE_DEPLOYMENTS);
        eventually("the scaler's role works", () -> server.send("GET", deployment + "/scale", null, null,
                KubeApiServer.SCALER_TOKEN).status() == 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"})
    void scalesWithAnExecCredentialCachedUntilItExpires(String apiVersion) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
        ExecScript exec = ExecScript.write(folder, KubeApiServer.SCALER_TOKEN);
        Path kubeconfig = Kubeconfig.to(server).user(exec.userLines(apiVersion, "2026-12-01T12:10:00Z"))
                .namespace(namespace).writeTo(folder.resolve("kubeconfig"));
        Scale scale = scale(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString()), clock,
                Sleeper.REAL);

        scale.scaleTo(3);
        scale.current();
        clock.advance(Duration.ofMinutes(9));
        assertThat(scale.current()).isEqualTo(3);
        assertThat(exec.runs()).as("one run, cached until 12:10").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        scale.current();
        assertThat(exec.runs()).as("run again once expired").isEqualTo(2);

        assertThat(server.replicas(deployment)).isEqualTo(3);
        assertThat(exec.execInfo()).isEqualTo("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\","
                + "\"spec\":{\"interactive\":false}}");
    }

    @Test
    void saysWhichCredentialCommandFailedWithoutShowingWhatItPrinted() throws Exception {
        ExecScript exec = ExecScript.write(folder, "token-in-the-error-output");
        Path kubeconfig = Kubeconfig.to(server).user(exec.userLines("client.authentication.k8s.io/v1", null))
                .user("  - {name: FAIL, value: \"yes\"}").namespace(namespace).writeTo(folder.resolve("kubeconfig"));
        Path missing = Kubeconfig.to(server).user("exec:", "  apiVersion: client.authentication.k8s.io/v1",
                "  command: no-such-credential-helper", "  installHint: |", "    brew install no-such-credential-helper")
                .writeTo(folder.resolve("missing"));

        assertThatThrownBy(() -> scale(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString())))
                .isInstanceOf(PluginException.class)
                .hasMessage("the credential command 'get-token' failed with exit code 3; run it by hand to see why"
                        + " (autoscalebot never shows its output, which may hold credentials)");
        assertThatThrownBy(() -> scale(Map.of("target", "deployment/web", "kubeconfig", missing.toString())))
                .hasMessageContaining("cannot run the credential command 'no-such-credential-helper' of the"
                        + " kubeconfig (IOException): brew install no-such-credential-helper");
    }

    @Test
    void usesThePodsServiceAccountAndReadsItsTokenAgainWhenItRotates() throws Exception {
        server.grantServiceAccount(namespace, "autoscalebot", "autoscalebot-sa", SCALE_DEPLOYMENTS);
        Path account = Files.createDirectories(folder.resolve("serviceaccount"));
        Files.writeString(account.resolve("token"), server.serviceAccountToken(namespace, "autoscalebot"));
        Files.copy(server.caFile(), account.resolve("ca.crt"));
        Files.writeString(account.resolve("namespace"), namespace);
        TestEnvironment pod = new TestEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1",
                "KUBERNETES_SERVICE_PORT", String.valueOf(server.url().getPort())), folder, account);
        Scale scale = scale(Map.of("target", "deployment/web"), Clock.systemUTC(), Sleeper.REAL, pod);
        eventually("the service account's role works", () -> succeeds(() -> scale.scaleTo(4)));
        assertThat(server.replicas(deployment)).isEqualTo(4);

        // The kubelet swaps in a new token; this one is another account's, with no rights, to tell them apart.
        Path rotated = account.resolve("token.new");
        Files.writeString(rotated, server.serviceAccountToken(namespace, "nobody"));
        Files.move(rotated, account.resolve("token"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(account.resolve("token"), java.nio.file.attribute.FileTime.from(
                Instant.now().plusSeconds(5)));

        assertThatThrownBy(scale::current).hasMessageContaining("user \"system:serviceaccount:" + namespace
                + ":nobody\" may not get deployments/scale").hasMessageContaining("--serviceaccount=" + namespace
                + ":nobody");
    }

    @Test
    void trustsTheClusterOnlyThroughItsCaUnlessToldToSkipTheCheck() throws Exception {
        Path noCa = Kubeconfig.to(server.url()).token(KubeApiServer.SCALER_TOKEN).namespace(namespace)
                .writeTo(folder.resolve("no-ca"));
        Path inlineCa = Kubeconfig.to(server.url()).caData(Files.readAllBytes(server.caFile()))
                .token(KubeApiServer.SCALER_TOKEN).namespace(namespace).writeTo(folder.resolve("inline-ca"));
        Path insecure = Kubeconfig.to(server.url()).cluster("insecure-skip-tls-verify: true")
                .token(KubeApiServer.SCALER_TOKEN).namespace(namespace).writeTo(folder.resolve("insecure"));

        assertThatThrownBy(() -> scale(Map.of("target", "deployment/web", "kubeconfig", noCa.toString())))
                .hasMessageContaining("TLS with the Kubernetes API server at " + server.url() + " failed for the"
                        + " discovery of apps/v1: its certificate is not signed by a CA this connection trusts; set"
                        + " the cluster's certificate-authority-data");
        assertThat(scale(Map.of("target", "deployment/web", "kubeconfig", inlineCa.toString())).current())
                .isEqualTo(2);
        assertThat(scale(Map.of("target", "deployment/web", "kubeconfig", insecure.toString())).current())
                .isEqualTo(2);
    }

    @Test
    void saysTheServerSawNoCredentialsWhenItDidNotAskForTheClientCertificate() throws Exception {
        // This API server has no --client-ca-file, so it never asks for a client certificate: the request arrives as
        // system:anonymous, as it would on a cluster whose CA did not sign the certificate.
        TestCertificates certificates = TestCertificates.authority(folder);
        Path certificate = certificates.client("scaler", KeyForm.RSA_PKCS1);
        Path kubeconfig = Kubeconfig.to(server).user("client-certificate: " + certificate,
                "client-key: " + folder.resolve("scaler.key")).namespace(namespace).writeTo(folder.resolve("cert"));

        assertThatThrownBy(() -> scale(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString()))
                .current())
                .hasMessageContaining("(403 Forbidden): the server saw no credentials it accepts (it took the request"
                        + " as system:anonymous); check that the client certificate of user 'tester' in " + kubeconfig
                        + " (O=testers,CN=scaler) holds a token, or a client certificate the cluster trusts");
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void presentsTheClientCertificateToAServerThatRequiresOne(KeyForm form) throws Exception {
        TestCertificates certificates = TestCertificates.authority(folder);
        Path certificate = certificates.client("scaler", form);
        try (FakeApiServer https = FakeApiServer.httpsRequiringClientCertificates(certificates.serverKeyStore(),
                certificates.caCertificate())) {
            https.answer(200, FakeApiServer.scale(7));
            Path kubeconfig = Kubeconfig.to(https.url()).cluster("certificate-authority: "
                    + certificates.caCertificate()).user("client-certificate: " + certificate, "client-key: "
                    + folder.resolve("scaler.key")).namespace("shop").writeTo(folder.resolve("mtls"));

            Scale scale = created(Map.of("target", "deployment/web", "kubeconfig", kubeconfig.toString()),
                    Clock.systemUTC(), Sleeper.REAL, TestEnvironment.laptop(folder));

            assertThat(scale.current()).isEqualTo(7);
            assertThat(https.requests()).singleElement().satisfies(request -> {
                assertThat(request.clientSubject()).isEqualTo("O=testers,CN=scaler");
                assertThat(request.authorization()).isNull();
            });
        }
    }

    private static boolean succeeds(ThrowingCall call) {
        try {
            call.run();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
