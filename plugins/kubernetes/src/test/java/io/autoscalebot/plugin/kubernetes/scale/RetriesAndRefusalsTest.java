package io.autoscalebot.plugin.kubernetes.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.kubernetes.ExecScript;
import io.autoscalebot.plugin.kubernetes.FakeApiServer;
import io.autoscalebot.plugin.kubernetes.FakeApiServer.Answer;
import io.autoscalebot.plugin.kubernetes.MutableClock;
import io.autoscalebot.plugin.kubernetes.RecordingLogger;
import io.autoscalebot.plugin.kubernetes.RecordingSleeper;
import io.autoscalebot.plugin.kubernetes.TestContexts;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.autoscalebot.testkit.TestSettings;

/**
 * Retries, backoff and refusals, against a local server that answers 429, 5xx and odd bodies on cue: a real API
 * server cannot be made to. Virtual time: the sleeper moves the clock instead of waiting.
 */
class RetriesAndRefusalsTest {

    private static final String PATH = "/apis/apps/v1/namespaces/shop/deployments/web/scale";
    private static final String TOKEN = "sha256~fake-token-0123456789";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RecordingLogger logger = new RecordingLogger();
    private FakeApiServer api;

    @BeforeEach
    void start() throws IOException {
        api = FakeApiServer.http();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void readsTheReplicasWithTheBearerTokenAndPatchesThemWithAMergePatch() throws Exception {
        api.answer(200, FakeApiServer.scale(2)).answer(200, FakeApiServer.scale(4));
        Scale scale = scale(api.url(), Map.of());

        assertThat(scale.current()).isEqualTo(2);
        assertThat(scale.scaleTo(4)).isEqualTo(4);

        assertThat(api.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET", "PATCH");
        assertThat(api.requests()).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo(PATH);
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        });
        assertThat(api.requests().get(1).body()).isEqualTo("{\"spec\":{\"replicas\":4}}");
    }

    @Test
    void retriesAnUnavailableServerWithExponentialBackoff() throws Exception {
        api.answer(503, "").answer(503, "").answer(200, FakeApiServer.scale(3));

        assertThat(scale(api.url(), Map.of()).current()).isEqualTo(3);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(logger.lines()).anySatisfy(line -> assertThat(line).contains("WARNING Kubernetes: the read of the"
                + " replicas of deployment/web in namespace shop failed (503 HTTP 503: no explanation given); retry 1"
                + " of 3 in 500 ms"));
    }

    @Test
    void waitsAsLongAsATooManyRequestsAnswerAsks() throws Exception {
        api.answer(new Answer(429, FakeApiServer.status(429, "TooManyRequests", "too many requests"),
                Map.of("Retry-After", "2"))).answer(200, FakeApiServer.scale(5));

        assertThat(scale(api.url(), Map.of()).scaleTo(5)).isEqualTo(5);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterMaxRetriesSayingWhatTheServerAnsweredLast() throws Exception {
        api.answer(500, FakeApiServer.status(500, "InternalError", "etcdserver: request timed out"));
        Scale scale = scale(api.url(), Map.of("max_retries", 2));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("did not accept the read of the replicas of deployment/web in namespace shop"
                        + " after 3 attempts: 500 InternalError: etcdserver: request timed out; max_retries 2 used up");
        assertThat(api.requests()).hasSize(3);
    }

    @Test
    void saysOneAttemptWhenRetriesAreOff() throws Exception {
        api.answer(500, FakeApiServer.status(500, "InternalError", "etcdserver: request timed out"));
        Scale scale = scale(api.url(), Map.of("max_retries", 0));

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("in namespace shop after 1 attempt: 500 InternalError")
                .hasMessageContaining("max_retries 0 used up");
    }

    @Test
    void stopsRetryingWhenTheNextBackoffWouldRunPastTheTimeout() throws Exception {
        api.answer(503, "");
        Scale scale = scale(api.url(), Map.of("max_retries", 9, "timeout", "2s"));

        assertThatThrownBy(scale::current)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("a retry in 2000 ms would run past timeout 2000 ms");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void retriesAnUnreachableServerThenSaysWhereItLooked() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        Scale scale = scale(closed, Map.of());

        assertThatThrownBy(scale::current)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("cannot reach the Kubernetes API server at " + closed + " for the read of the"
                        + " replicas of deployment/web in namespace shop after 4 attempts (ConnectException")
                .hasMessageContaining("check the server of context 'test' of " + folder.resolve("kubeconfig"));
        assertThat(sleeper.sleeps()).hasSize(3);
    }

    @Test
    void neverRetriesARefusal() throws Exception {
        api.answer(422, "{\"kind\":\"Status\",\"message\":\"Scale.autoscaling \\\"web\\\" is invalid\",\"reason\":"
                + "\"Invalid\",\"details\":{\"causes\":[{\"field\":\"spec.replicas\",\"message\":\"Invalid value: 70:"
                + " exceeds quota\"}]},\"code\":422}");
        Scale scale = scale(api.url(), Map.of());

        assertThatThrownBy(() -> scale.scaleTo(70))
                .hasMessageContaining("refused the scale of deployment/web in namespace shop to 70 (422 Invalid):"
                        + " Scale.autoscaling \"web\" is invalid (spec.replicas: Invalid value: 70: exceeds quota)");
        assertThat(api.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void runsTheCredentialCommandAgainOnceWhenTheServerRefusesItsToken() throws Exception {
        ExecScript exec = ExecScript.write(folder, "expired-token-1", "fresh-token-2");
        api.answer(request -> request.authorization().equals("Bearer fresh-token-2")
                ? Answer.of(200, FakeApiServer.scale(1)) : Answer.of(401, FakeApiServer.status(401, "Unauthorized",
                "Unauthorized")));
        Path kubeconfig = Kubeconfig.to(api.url()).user(exec.userLines("client.authentication.k8s.io/v1", null))
                .namespace("shop").writeTo(folder.resolve("exec-kubeconfig"));

        assertThat(scale(kubeconfig, Map.of()).current()).isEqualTo(1);
        assertThat(exec.runs()).isEqualTo(2);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void neverShowsATokenTheServerEchoesInAnyEncoding() throws Exception {
        String echoed = TOKEN + " / " + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8) + " / "
                + Base64.getEncoder().withoutPadding().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
        api.answer(403, FakeApiServer.status(403, "Forbidden", "token " + echoed + " is forbidden"));
        Scale scale = scale(api.url(), Map.of());

        assertThatThrownBy(scale::current)
                .hasMessageContaining("token **** / **** / **** is forbidden")
                .hasMessageNotContaining("fake-token");
    }

    @Test
    void saysWhenTheAnswerIsNotFromAKubernetesApiServer() throws Exception {
        api.answer(200, "<html>login</html>");
        Scale scale = scale(api.url(), Map.of());

        assertThatThrownBy(scale::current).hasMessageContaining("answered the read of the replicas of deployment/web"
                + " in namespace shop with a body that is not a JSON object; check that the server of context 'test'"
                + " of " + folder.resolve("kubeconfig") + " is a Kubernetes API server");
    }

    private Scale scale(URI server, Map<String, Object> overrides) throws Exception {
        return scale(Kubeconfig.to(server).token(TOKEN).namespace("shop").writeTo(folder.resolve("kubeconfig")),
                overrides);
    }

    private Scale scale(Path kubeconfig, Map<String, Object> overrides) throws Exception {
        KubernetesScaleProvider provider = new KubernetesScaleProvider(TestEnvironment.laptop(folder), sleeper);
        Map<String, Object> raw = new HashMap<>(Map.of("target", "deployment/web", "kubeconfig",
                kubeconfig.toString()));
        raw.putAll(overrides);
        Files.createDirectories(folder.resolve("state"));
        return provider.create(TestSettings.resolve(provider.settings(), raw),
                TestContexts.context(clock, logger, folder.resolve("state")));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
