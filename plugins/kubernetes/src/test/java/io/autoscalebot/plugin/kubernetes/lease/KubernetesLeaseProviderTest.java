package io.autoscalebot.plugin.kubernetes.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.plugin.kubernetes.AgainstKubeApiServer;
import io.autoscalebot.plugin.kubernetes.MutableClock;
import io.autoscalebot.plugin.kubernetes.RecordingSleeper;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code kubernetes-lease} component, as the engine's lease keeper uses it, with two instances competing for one
 * Lease on a real API server, in virtual time.
 */
class KubernetesLeaseProviderTest extends AgainstKubeApiServer {

    private static final Duration TTL = Duration.ofSeconds(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final List<Lease> leases = new ArrayList<>();
    private String namespace;
    private Path kubeconfig;

    @BeforeEach
    void namespaceWhereTheScalerMayHoldLeases() {
        namespace = server.newNamespace("leader");
        server.grantScaler(namespace, "leases", HOLD_LEASES);
        kubeconfig = Kubeconfig.to(server).token(KubeApiServer.SCALER_TOKEN).namespace(namespace)
                .writeTo(folder.resolve("kubeconfig"));
        eventually("the scaler may read leases", () -> server.send("GET", leasePath(), null, null,
                KubeApiServer.SCALER_TOKEN).status() == 404);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Lease lease : leases) {
            lease.teardown();
        }
    }

    @Test
    void oneOfTwoHoldersAcquiresTheOtherCannotRenewOrReleaseAndTakesOverAfterExpiryWithALargerToken()
            throws Exception {
        Lease a = lease();
        Lease b = lease();

        OptionalLong first = a.acquire("pod-a", TTL);
        OptionalLong refused = b.acquire("pod-b", TTL);
        boolean renewedByB = b.renew("pod-b", first.orElseThrow(), TTL);
        b.release("pod-b", first.orElseThrow());

        assertThat(first).isPresent();
        assertThat(refused).isEmpty();
        assertThat(renewedByB).isFalse();
        assertThat(holderOnTheServer()).as("b's renew and release left a's lease alone").isEqualTo("pod-a");
        clock.advance(TTL.dividedBy(3));
        assertThat(a.renew("pod-a", first.getAsLong(), TTL)).isTrue();
        assertThat(b.acquire("pod-b", TTL)).as("a renewed within the ttl").isEmpty();

        clock.advance(TTL);
        OptionalLong taken = b.acquire("pod-b", TTL);

        assertThat(taken).isPresent();
        assertThat(taken.getAsLong()).as("the fencing token grows with the change of holder")
                .isGreaterThan(first.getAsLong());
        assertThat(holderOnTheServer()).isEqualTo("pod-b");
        assertThat(a.renew("pod-a", first.getAsLong(), TTL)).as("a's late renewal").isFalse();
        a.release("pod-a", first.getAsLong());
        assertThat(holderOnTheServer()).as("a's late release did not drop b's lease").isEqualTo("pod-b");
        assertThat(b.renew("pod-b", taken.getAsLong(), TTL)).isTrue();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceWithALargerToken() throws Exception {
        Lease a = lease();
        Lease b = lease();
        long first = a.acquire("pod-a", TTL).orElseThrow();
        assertThat(b.acquire("pod-b", TTL)).isEmpty();

        a.release("pod-a", first);
        OptionalLong taken = b.acquire("pod-b", TTL);

        assertThat(taken).isPresent();
        assertThat(taken.getAsLong()).isGreaterThan(first);
        assertThat(holderOnTheServer()).isEqualTo("pod-b");
    }

    private Lease lease() throws Exception {
        var provider = new KubernetesLeaseProvider(TestEnvironment.laptop(folder), new RecordingSleeper(clock));
        Path state = Files.createDirectories(folder.resolve("state-" + leases.size()));
        Lease lease = provider.create(TestSettings.resolve(provider.settings(),
                        new HashMap<>(Map.of("kubeconfig", kubeconfig.toString()))),
                TestContexts.plugin().clock(clock).logger(logger).stateDirectory(state).build());
        leases.add(lease);
        return lease;
    }

    private String holderOnTheServer() {
        return server.admin("GET", leasePath(), null).json().path("spec").path("holderIdentity").asText();
    }

    private String leasePath() {
        return "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases/autoscalebot-leader";
    }
}
