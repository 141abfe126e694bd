package io.autoscalebot.plugin.kubernetes.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.plugin.kubernetes.AgainstKubeApiServer;
import io.autoscalebot.plugin.kubernetes.MutableClock;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import io.autoscalebot.plugin.kubernetes.client.AccessResolver;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two or more {@link KubernetesLease} clients competing for one Lease on a real API server, in virtual time. */
class KubernetesLeaseTest extends AgainstKubeApiServer {

    private static final Duration DURATION = Duration.ofSeconds(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final List<KubeApi> clients = new ArrayList<>();
    private String namespace;
    private Path kubeconfig;

    @BeforeEach
    void namespaceWhereTheScalerMayHoldLeases() {
        namespace = server.newNamespace("lease");
        server.grantScaler(namespace, "leases", HOLD_LEASES);
        kubeconfig = Kubeconfig.to(server).token(KubeApiServer.SCALER_TOKEN).namespace(namespace)
                .writeTo(folder.resolve("kubeconfig"));
        eventually("the scaler may read leases", () -> server.send("GET", "/apis/coordination.k8s.io/v1/namespaces/"
                + namespace + "/leases/leader", null, null, KubeApiServer.SCALER_TOKEN).status() == 404);
    }

    @AfterEach
    void closeClients() throws Exception {
        for (KubeApi client : clients) {
            client.close();
        }
    }

    @Test
    void createsTheLeaseAndHoldsIt() throws Exception {
        KubernetesLease a = lease("a");

        LeaseState state = a.acquire(deadline());

        assertThat(state.held()).isTrue();
        assertThat(state.holder()).contains("a");
        assertThat(state.transitions()).isZero();
        assertThat(state.until()).isEqualTo(clock.instant().plus(DURATION));
        assertThat(holderOnTheServer()).isEqualTo("a");
        assertThat(server.admin("GET", leasePath(), null).json().path("spec").path("leaseDurationSeconds").asInt())
                .isEqualTo(15);
    }

    @Test
    void exactlyOneOfTwoClientsRacingToCreateTheLeaseHoldsIt() throws Exception {
        KubernetesLease a = lease("a");
        KubernetesLease b = lease("b");

        List<LeaseState> states = atOnce(() -> a.acquire(deadline()), () -> b.acquire(deadline()));

        assertThat(states).filteredOn(LeaseState::held).hasSize(1);
        String winner = states.get(0).held() ? "a" : "b";
        assertThat(holderOnTheServer()).isEqualTo(winner);
        assertThat(states).filteredOn(state -> !state.held()).singleElement()
                .satisfies(loser -> assertThat(loser.holder()).contains(winner));
    }

    @Test
    void twoClientsFightingRoundAfterRoundNeverBothHoldIt() throws Exception {
        KubernetesLease a = lease("a");
        KubernetesLease b = lease("b");

        for (int round = 0; round < 10; round++) {
            clock.advance(Duration.ofSeconds(5));
            List<LeaseState> states = atOnce(() -> a.holds(clock.instant()) ? a.renew(deadline())
                    : a.acquire(deadline()), () -> b.holds(clock.instant()) ? b.renew(deadline()) : b.acquire(deadline()));

            assertThat(states).as("round " + round).filteredOn(LeaseState::held).hasSize(1);
            String holder = states.get(0).held() ? "a" : "b";
            assertThat(holderOnTheServer()).isEqualTo(holder);
            assertThat(a.holds(clock.instant())).isEqualTo(holder.equals("a"));
            assertThat(b.holds(clock.instant())).isEqualTo(holder.equals("b"));
        }
        assertThat(server.admin("GET", leasePath(), null).json().path("spec").path("leaseTransitions").asLong())
                .as("the first holder kept renewing, so it never changed hands").isZero();
    }

    @Test
    void anotherClientTakesOverOnlyAfterTheHolderStoppedRenewingForTheWholeDuration() throws Exception {
        KubernetesLease a = lease("a");
        KubernetesLease b = lease("b");
        a.acquire(deadline());

        LeaseState first = b.acquire(deadline());
        clock.advance(DURATION.minusSeconds(1));
        LeaseState almost = b.acquire(deadline());
        clock.advance(Duration.ofSeconds(1));
        LeaseState taken = b.acquire(deadline());

        assertThat(first.held()).isFalse();
        assertThat(first.holder()).contains("a");
        assertThat(first.until()).isEqualTo(Instant.parse("2026-12-01T12:00:15Z"));
        assertThat(almost.held()).isFalse();
        assertThat(taken.held()).isTrue();
        assertThat(taken.transitions()).as("the fencing token grows with the change of holder").isEqualTo(1);
        assertThat(holderOnTheServer()).isEqualTo("b");
        assertThat(a.holds(clock.instant())).as("a's own hold ended with the duration").isFalse();
        LeaseState lost = a.renew(deadline());
        assertThat(lost.held()).isFalse();
        assertThat(lost.holder()).contains("b");
        assertThat(holderOnTheServer()).as("a's late renewal did not overwrite b").isEqualTo("b");
    }

    @Test
    void aHolderThatKeepsRenewingIsNeverTakenOver() throws Exception {
        KubernetesLease a = lease("a");
        KubernetesLease b = lease("b");
        a.acquire(deadline());

        for (int i = 0; i < 6; i++) {
            clock.advance(DURATION.dividedBy(3));
            assertThat(a.renew(deadline()).held()).isTrue();
            assertThat(b.acquire(deadline()).held()).isFalse();
        }
        assertThat(holderOnTheServer()).isEqualTo("a");
    }

    @Test
    void readsAgainWhenItsResourceVersionIsStaleAndRenewsWhatIsStillItsOwn() throws Exception {
        KubernetesLease a = lease("a");
        a.acquire(deadline());
        String before = resourceVersionOnTheServer();

        // Someone else writes the lease (a label) after a's last read: a's resourceVersion is stale now.
        server.send("PATCH", leasePath(), "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}", KubeApiServer.ADMIN_TOKEN).expect(200);
        clock.advance(Duration.ofSeconds(5));
        LeaseState renewed = a.renew(deadline());

        assertThat(renewed.held()).isTrue();
        assertThat(resourceVersionOnTheServer()).isNotEqualTo(before);
        assertThat(server.admin("GET", leasePath(), null).json().path("metadata").path("labels").path("touched")
                .asText()).as("the patch kept what it does not know").isEqualTo("yes");
    }

    @Test
    void aStaleResourceVersionNeverOverwritesTheHolderWhoCameSince() throws Exception {
        KubernetesLease a = lease("a");
        KubernetesLease b = lease("b");
        a.acquire(deadline());
        b.acquire(deadline());
        clock.advance(DURATION);
        assertThat(b.acquire(deadline()).held()).isTrue();

        LeaseState late = a.renew(deadline());

        assertThat(late.held()).isFalse();
        assertThat(late.holder()).contains("b");
        assertThat(holderOnTheServer()).isEqualTo("b");
    }

    @Test
    void releaseLetsAnotherClientTakeOverAtOnce() throws Exception {
        KubernetesLease a = lease("a");
        KubernetesLease b = lease("b");
        a.acquire(deadline());
        assertThat(b.acquire(deadline()).held()).isFalse();

        a.release(deadline());

        assertThat(a.holds(clock.instant())).isFalse();
        assertThat(b.acquire(deadline()).held()).isTrue();
        assertThat(holderOnTheServer()).isEqualTo("b");
    }

    @Test
    void holdsForTheDurationAfterItsLastSuccessfulWriteByItsOwnClock() throws Exception {
        KubernetesLease a = lease("a");
        Instant acquired = clock.instant();
        a.acquire(deadline());

        assertThat(a.holds(acquired.plus(DURATION).minusMillis(1))).isTrue();
        assertThat(a.holds(acquired.plus(DURATION))).isFalse();
        clock.advance(Duration.ofSeconds(10));
        a.renew(deadline());
        assertThat(a.holds(acquired.plus(DURATION).plusSeconds(9))).isTrue();
    }

    @Test
    void printsTheLeaseRuleWhenRbacRefusesIt() throws Exception {
        String other = server.newNamespace("nolease");
        KubeApi api = api();
        KubernetesLease lease = new KubernetesLease(api, other, "leader", "a", DURATION);

        assertThatThrownBy(() -> lease.acquire(deadline()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("403 Forbidden")
                .hasMessageContaining("{apiGroups: [\"coordination.k8s.io\"], resources: [\"leases\"], verbs:"
                        + " [\"get\", \"create\", \"patch\"]} in a Role of namespace " + other);
    }

    private KubernetesLease lease(String identity) throws Exception {
        return new KubernetesLease(api(), namespace, "leader", identity, DURATION);
    }

    private KubeApi api() throws Exception {
        KubeApi api = new KubeApi(AccessResolver.resolve(Optional.of(kubeconfig.toString()), Optional.empty(),
                TestEnvironment.laptop(folder), clock), Duration.ofSeconds(10), 3, clock, logger, Sleeper.REAL);
        clients.add(api);
        return api;
    }

    private Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(20), clock);
    }

    private String leasePath() {
        return "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases/leader";
    }

    private String holderOnTheServer() {
        return server.admin("GET", leasePath(), null).json().path("spec").path("holderIdentity").asText("");
    }

    private String resourceVersionOnTheServer() {
        return server.admin("GET", leasePath(), null).json().path("metadata").path("resourceVersion").asText();
    }

    /** Runs the calls on threads that start together, and returns their results in order. */
    @SafeVarargs
    private static List<LeaseState> atOnce(Callable<LeaseState>... calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier start = new CyclicBarrier(calls.length);
            List<Future<LeaseState>> futures = new ArrayList<>();
            for (Callable<LeaseState> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<LeaseState> states = new ArrayList<>();
            for (Future<LeaseState> future : futures) {
                states.add(future.get());
            }
            return states;
        } finally {
            threads.shutdownNow();
        }
    }
}
