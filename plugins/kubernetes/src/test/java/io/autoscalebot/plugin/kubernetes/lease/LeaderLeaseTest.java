package io.autoscalebot.plugin.kubernetes.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.LeaseProvider;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.plugin.kubernetes.FakeApiServer;
import io.autoscalebot.plugin.kubernetes.MutableClock;
import io.autoscalebot.plugin.kubernetes.RecordingLogger;
import io.autoscalebot.plugin.kubernetes.RecordingSleeper;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the {@code kubernetes-lease} maps a Lease's answers to the engine's contract, against a local server that
 * answers on cue (a 409 cannot be had from a real API server at will): held gives {@code leaseTransitions} as the
 * token, a conflict or another holder gives "not yours"; a state write that meets a conflict looks once more.
 */
class LeaderLeaseTest {

    private static final String PATH = "/apis/coordination.k8s.io/v1/namespaces/shop/leases/autoscalebot-leader";
    private static final String STATE_PATH = "/api/v1/namespaces/shop/configmaps/"
            + StateNames.configMap("autoscalebot-leader", "group/web");
    private static final Duration TTL = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private FakeApiServer api;
    private Lease lease;

    @BeforeEach
    void start() throws Exception {
        api = FakeApiServer.http();
        lease = lease(Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        lease.teardown();
        api.close();
    }

    @Test
    void aLeaseItAlreadyHoldsIsKeptWithItsLeaseTransitionsAsTheToken() throws Exception {
        api.answer(200, lease("me", 7, "10")).answer(200, lease("me", 7, "11"));

        assertThat(lease.acquire("me", TTL)).hasValue(7);
        assertThat(api.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET", "PATCH");
        assertThat(api.requests().get(1).path()).isEqualTo(PATH);
        assertThat(api.requests().get(1).body()).contains("\"resourceVersion\":\"10\"")
                .contains("\"leaseTransitions\":7");
    }

    @Test
    void aLeaseItCreatesHasTokenZero() throws Exception {
        api.answer(404, FakeApiServer.status(404, "NotFound", "not found")).answer(201, lease("me", 0, "1"));

        assertThat(lease.acquire("me", TTL)).hasValue(0);
        assertThat(api.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET", "POST");
    }

    @Test
    void aFreeLeaseTakenOverGetsTheNextToken() throws Exception {
        api.answer(200, lease(null, 4, "10")).answer(200, lease("me", 5, "11"));

        assertThat(lease.acquire("me", TTL)).hasValue(5);
        assertThat(api.requests().get(1).body()).contains("\"leaseTransitions\":5");
    }

    @Test
    void anotherHoldersLeaseIsNotAcquired() throws Exception {
        api.answer(200, lease("other", 3, "10"));

        assertThat(lease.acquire("me", TTL)).isEmpty();
        assertThat(api.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET");
    }

    @Test
    void aResourceVersionConflictOnEveryAttemptIsNotAcquired() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            api.answer(200, lease(null, 4, "1" + attempt)).answer(409, FakeApiServer.status(409, "Conflict",
                    "the object has been modified"));
        }

        assertThat(lease.acquire("me", TTL)).isEqualTo(OptionalLong.empty());
        assertThat(api.requests()).extracting(FakeApiServer.Request::method)
                .containsExactly("GET", "PATCH", "GET", "PATCH", "GET", "PATCH");
    }

    @Test
    void aRenewalThatMeetsAConflictAndThenAnotherHolderIsNotYours() throws Exception {
        api.answer(200, lease("me", 2, "10")).answer(409, FakeApiServer.status(409, "Conflict", "modified"))
                .answer(200, lease("other", 3, "12"));

        assertThat(lease.renew("me", 2, TTL)).isFalse();
        assertThat(api.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET", "PATCH", "GET");
    }

    @Test
    void aRenewalWithAnOldTokenIsRefusedWithoutAWriteEvenWhenTheHolderNameIsTheSame() throws Exception {
        api.answer(200, lease("me", 5, "10"));

        assertThat(lease.renew("me", 4, TTL)).isFalse();
        assertThat(api.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET");
    }

    @Test
    void aRenewalWithTheHeldTokenExtendsTheLease() throws Exception {
        api.answer(200, lease("me", 5, "10")).answer(200, lease("me", 5, "11"));

        assertThat(lease.renew("me", 5, TTL)).isTrue();
        assertThat(api.requests().get(1).body()).contains("\"resourceVersion\":\"10\"")
                .contains("\"leaseDurationSeconds\":15");
    }

    @Test
    void aReleaseWithAnOldTokenLeavesTheLeaseAlone() throws Exception {
        api.answer(200, lease("me", 5, "10")).answer(200, lease("me", 5, "11")).answer(200, lease("me", 5, "11"));
        lease.acquire("me", TTL);

        lease.release("me", 4);

        assertThat(api.requests()).extracting(FakeApiServer.Request::method).containsExactly("GET", "PATCH", "GET");
    }

    @Test
    void aReleaseWithTheHeldTokenClearsTheHolderConditionedOnTheResourceVersion() throws Exception {
        api.answer(200, lease("me", 5, "10")).answer(200, lease("me", 5, "11")).answer(200, lease("me", 5, "11"))
                .answer(200, lease(null, 5, "12"));
        lease.acquire("me", TTL);

        lease.release("me", 5);

        assertThat(api.requests()).extracting(FakeApiServer.Request::method)
                .containsExactly("GET", "PATCH", "GET", "PATCH");
        assertThat(api.requests().get(3).body()).contains("\"resourceVersion\":\"11\"")
                .contains("\"holderIdentity\":null");
    }

    @Test
    void aStateWriteThatMeetsAConflictAndThenASuccessorsTokenIsRefused() throws Exception {
        api.answer(200, lease("me", 5, "10")).answer(200, stateMap("group/web", 5, "20"))
                .answer(409, FakeApiServer.status(409, "Conflict", "the object has been modified"))
                .answer(200, stateMap("group/web", 6, "21"));

        assertThat(lease.sharedState().orElseThrow().write("me", 5, "group/web", "{}")).isFalse();
        assertThat(api.requests()).extracting(FakeApiServer.Request::method)
                .containsExactly("GET", "GET", "PATCH", "GET");
        assertThat(api.requests().get(2).path()).isEqualTo(STATE_PATH);
        assertThat(api.requests().get(2).body()).contains("\"resourceVersion\":\"20\"")
                .contains("\"autoscalebot.io/fencing-token\":\"5\"");
    }

    @Test
    void aStateWriteThatMeetsAConflictAndThenOnlyItsOwnTokenWritesAgain() throws Exception {
        api.answer(200, lease("me", 5, "10")).answer(200, stateMap("group/web", 4, "20"))
                .answer(409, FakeApiServer.status(409, "Conflict", "the object has been modified"))
                .answer(200, stateMap("group/web", 5, "21")).answer(200, stateMap("group/web", 5, "22"));

        assertThat(lease.sharedState().orElseThrow().write("me", 5, "group/web", "{}")).isTrue();
        assertThat(api.requests()).extracting(FakeApiServer.Request::method)
                .containsExactly("GET", "GET", "PATCH", "GET", "PATCH");
        assertThat(api.requests().get(4).body()).contains("\"resourceVersion\":\"21\"");
    }

    @Test
    void aStateCreationThatLosesTheRaceReadsAgainAndPatches() throws Exception {
        api.answer(200, lease("me", 5, "10")).answer(404, FakeApiServer.status(404, "NotFound", "not found"))
                .answer(409, FakeApiServer.status(409, "AlreadyExists", "already exists"))
                .answer(200, stateMap("group/web", 5, "21")).answer(200, stateMap("group/web", 5, "22"));

        assertThat(lease.sharedState().orElseThrow().write("me", 5, "group/web", "{}")).isTrue();
        assertThat(api.requests()).extracting(FakeApiServer.Request::method)
                .containsExactly("GET", "GET", "POST", "GET", "PATCH");
    }

    @Test
    void aStateConfigMapOfAnotherKeyIsNeitherReadNorOverwritten() throws Exception {
        api.answer(200, stateMap("group/other", 5, "20")).answer(200, lease("me", 5, "10"))
                .answer(200, stateMap("group/other", 5, "20"));

        assertThatThrownBy(() -> lease.sharedState().orElseThrow().read("group/web"))
                .hasMessageContaining("holds the state of 'group/other', not of 'group/web'");
        assertThatThrownBy(() -> lease.sharedState().orElseThrow().write("me", 5, "group/web", "{}"))
                .hasMessageContaining("holds the state of 'group/other'");
        assertThat(api.requests()).extracting(FakeApiServer.Request::method).doesNotContain("PATCH", "POST");
    }

    @Test
    void aTtlIsRoundedUpToTheWholeSecondsALeaseCounts() {
        assertThat(LeaderLease.wholeSeconds(Duration.ofMillis(15_001))).isEqualTo(Duration.ofSeconds(16));
        assertThat(LeaderLease.wholeSeconds(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
        assertThat(LeaderLease.wholeSeconds(Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsALeaseNameTheApiServerWouldRefuse() throws Exception {
        KubernetesLeaseProvider provider = new KubernetesLeaseProvider(TestEnvironment.laptop(folder),
                new RecordingSleeper(clock));

        assertThat(provider.validate(TestSettings.resolve(provider.settings(), new HashMap<>(Map.of("name",
                "Leader_1"))))).extracting(SettingProblem::key).containsExactly("name");
    }

    @Test
    void isOfferedAsTheKubernetesLeaseProvider() {
        assertThat(ServiceLoader.load(LeaseProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(LeaseProvider::id)).contains("kubernetes-lease");
    }

    private Lease lease(Map<String, Object> overrides) throws Exception {
        Path kubeconfig = Kubeconfig.to(api.url()).token("sha256~fake-token").namespace("shop")
                .writeTo(folder.resolve("kubeconfig"));
        KubernetesLeaseProvider provider = new KubernetesLeaseProvider(TestEnvironment.laptop(folder),
                new RecordingSleeper(clock));
        Map<String, Object> raw = new HashMap<>(Map.of("kubeconfig", kubeconfig.toString()));
        raw.putAll(overrides);
        Files.createDirectories(folder.resolve("state"));
        return provider.create(TestSettings.resolve(provider.settings(), raw), TestContexts.plugin().clock(clock)
                .logger(new RecordingLogger()).stateDirectory(folder.resolve("state")).build());
    }

    /** A state ConfigMap as the API server answers it. */
    private static String stateMap(String key, long token, String resourceVersion) {
        return "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
                + StateNames.configMap("autoscalebot-leader", key) + "\",\"namespace\":\"shop\",\"resourceVersion\":\""
                + resourceVersion + "\",\"annotations\":{\"autoscalebot.io/state-key\":\"" + key + "\","
                + "\"autoscalebot.io/fencing-token\":\"" + token + "\"}},\"data\":{\"state\":\"{}\"}}";
    }

    /** A Lease as the API server answers it; {@code holder} null when nobody holds it. */
    private static String lease(String holder, long transitions, String resourceVersion) {
        String who = holder == null ? "" : "\"holderIdentity\":\"" + holder + "\",";
        return "{\"kind\":\"Lease\",\"apiVersion\":\"coordination.k8s.io/v1\",\"metadata\":{\"name\":"
                + "\"autoscalebot-leader\",\"namespace\":\"shop\",\"resourceVersion\":\"" + resourceVersion + "\"},"
                + "\"spec\":{" + who + "\"leaseDurationSeconds\":15,\"leaseTransitions\":" + transitions + "}}";
    }
}
