package io.autoscalebot.plugin.kubernetes.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.SharedState;
import io.autoscalebot.plugin.kubernetes.AgainstKubeApiServer;
import io.autoscalebot.plugin.kubernetes.MutableClock;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.Kubeconfig;
import io.autoscalebot.plugin.kubernetes.client.AccessResolver;
import io.autoscalebot.plugin.kubernetes.client.ClusterSettings;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code kubernetes-lease}'s shared state on a real API server: what one holder writes the next reads, and a
 * holder that lost the Lease, or never had it, writes nothing.
 */
class ConfigMapStateTest extends AgainstKubeApiServer {

    /** The {@code rules} entry deploy/kubernetes/rbac.yaml grants for the state ConfigMaps. */
    static final String KEEP_STATE = "{\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],"
            + "\"verbs\":[\"get\",\"create\",\"patch\"]}";

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final String LEASE = "leader";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final List<Lease> leases = new ArrayList<>();
    private String namespace;
    private Path kubeconfig;

    @BeforeEach
    void namespaceWhereTheScalerMayHoldLeasesAndKeepState() {
        namespace = server.newNamespace("state");
        server.grantScaler(namespace, "state", HOLD_LEASES, KEEP_STATE);
        kubeconfig = Kubeconfig.to(server).token(KubeApiServer.SCALER_TOKEN).namespace(namespace)
                .writeTo(folder.resolve("kubeconfig"));
        eventually("the scaler may read configmaps", () -> server.send("GET", "/api/v1/namespaces/" + namespace
                + "/configmaps/none", null, null, KubeApiServer.SCALER_TOKEN).status() == 404);
    }

    @AfterEach
    void teardown() throws Exception {
        for (Lease lease : leases) {
            lease.teardown();
        }
    }

    @Test
    void theHolderWritesStateThatTheNextHolderReads() throws Exception {
        Lease a = lease();
        Lease b = lease();
        long first = a.acquire("a", TTL).orElseThrow();

        assertThat(state(a).write("a", first, "group/web", "{\"last\":4}")).isTrue();
        assertThat(state(b).read("group/web")).as("a standby reads it too").contains("{\"last\":4}");
        a.release("a", first);
        long second = b.acquire("b", TTL).orElseThrow();

        assertThat(second).isGreaterThan(first);
        assertThat(state(b).read("group/web")).contains("{\"last\":4}");
        assertThat(state(b).write("b", second, "group/web", "{\"last\":5}")).isTrue();
        assertThat(state(a).read("group/web")).contains("{\"last\":5}");
        JsonNode map = configMap("group/web");
        assertThat(map.path("metadata").path("labels").path("app.kubernetes.io/managed-by").asText())
                .isEqualTo("autoscalebot");
        assertThat(map.path("metadata").path("labels").path("autoscalebot.io/lease").asText()).isEqualTo(LEASE);
        assertThat(map.path("metadata").path("annotations").path("autoscalebot.io/fencing-token").asText())
                .isEqualTo(Long.toString(second));
    }

    @Test
    void aWriteWithAnOldTokenAfterATakeoverIsRefusedAndLeavesTheSuccessorsState() throws Exception {
        Lease a = lease();
        Lease b = lease();
        long old = a.acquire("a", TTL).orElseThrow();
        state(a).write("a", old, "group/web", "from a");
        assertThat(b.acquire("b", TTL)).isEmpty();
        clock.advance(TTL);
        long successor = b.acquire("b", TTL).orElseThrow();

        assertThat(state(a).write("a", old, "group/web", "late a")).as("successor has not written yet").isFalse();
        assertThat(state(b).read("group/web")).contains("from a");
        assertThat(state(b).write("b", successor, "group/web", "from b")).isTrue();
        assertThat(state(a).write("a", old, "group/web", "later a")).isFalse();
        assertThat(state(a).read("group/web")).contains("from b");
    }

    @Test
    void aWriteIsRefusedWhenTheStateWasLastWrittenWithALargerToken() throws Exception {
        Lease a = lease();
        long token = a.acquire("a", TTL).orElseThrow();
        state(a).write("a", token, "group/web", "from a");
        // What an old leader meets when it passed the Lease check, then paused while a successor took the Lease
        // and wrote this group: the successor's token in the ConfigMap.
        server.send("PATCH", configMapPath("group/web"), "application/merge-patch+json", "{\"metadata\":"
                + "{\"annotations\":{\"autoscalebot.io/fencing-token\":\"" + (token + 1) + "\"}},\"data\":{\"state\":"
                + "\"from the successor\"}}", KubeApiServer.ADMIN_TOKEN).expect(200);

        assertThat(state(a).write("a", token, "group/web", "late a")).isFalse();
        assertThat(state(a).read("group/web")).contains("from the successor");
    }

    @Test
    void aWriteByANonHolderIsRefusedAndWritesNothing() throws Exception {
        Lease a = lease();
        Lease b = lease();
        long token = a.acquire("a", TTL).orElseThrow();

        assertThat(state(b).write("b", token, "group/web", "from b")).as("b with a's token").isFalse();
        assertThat(state(b).write("b", token + 1, "group/web", "from b")).isFalse();
        assertThat(server.send("GET", configMapPath("group/web"), null, null, KubeApiServer.ADMIN_TOKEN).status())
                .isEqualTo(404);
        assertThat(state(b).read("group/web")).isEmpty();
    }

    @Test
    void writesNothingWhileNobodyHoldsTheLease() throws Exception {
        Lease a = lease();

        assertThat(state(a).write("a", 0, "group/web", "from a")).isFalse();
        assertThat(state(a).read("group/web")).isEmpty();
    }

    @Test
    void eachOfManyGroupsKeepsItsOwnStateInItsOwnLabelledConfigMap() throws Exception {
        Lease a = lease();
        long token = a.acquire("a", TTL).orElseThrow();
        List<String> groups = List.of("web", "Web", "worker.v2", "worker_v2", "worker v2", "jobs", "mail", "search",
                "api-" + "x".repeat(300), "api-" + "x".repeat(301), "ünïcödé", "-edge-");

        for (String group : groups) {
            assertThat(state(a).write("a", token, "group/" + group, "state of " + group)).as(group).isTrue();
        }

        SharedState standby = state(lease());
        for (String group : groups) {
            assertThat(standby.read("group/" + group)).as(group).contains("state of " + group);
        }
        JsonNode listed = server.admin("GET", "/api/v1/namespaces/" + namespace + "/configmaps?labelSelector="
                + "app.kubernetes.io/managed-by%3Dautoscalebot,autoscalebot.io/lease%3D" + LEASE, null).json();
        assertThat(listed.path("items")).hasSize(groups.size());
    }

    @Test
    void saysWhichRuleIsMissingWhenRbacRefusesTheConfigMaps() throws Exception {
        String other = server.newNamespace("nostate");
        server.grantScaler(other, "leases", HOLD_LEASES);
        eventually("the scaler may read leases", () -> server.send("GET", "/apis/coordination.k8s.io/v1/namespaces/"
                + other + "/leases/none", null, null, KubeApiServer.SCALER_TOKEN).status() == 404);
        Lease a = new LeaderLease(api(), other, LEASE);
        leases.add(a);
        long token = a.acquire("a", TTL).orElseThrow();

        assertThatThrownBy(() -> state(a).write("a", token, "group/web", "x"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("403 Forbidden")
                .hasMessageContaining("{apiGroups: [\"\"], resources: [\"configmaps\"], verbs: [\"get\", \"create\","
                        + " \"patch\"]} in a Role of namespace " + other);
    }

    private Lease lease() throws Exception {
        Lease lease = new LeaderLease(api(), namespace, LEASE);
        leases.add(lease);
        return lease;
    }

    private static SharedState state(Lease lease) {
        return lease.sharedState().orElseThrow();
    }

    private KubeApi api() throws Exception {
        return new KubeApi(AccessResolver.resolve(Optional.of(kubeconfig.toString()), Optional.empty(),
                TestEnvironment.laptop(folder), clock), Duration.ofSeconds(10), 3, clock, logger, Sleeper.REAL);
    }

    private JsonNode configMap(String key) {
        return server.admin("GET", configMapPath(key), null).json();
    }

    private String configMapPath(String key) {
        return "/api/v1/namespaces/" + namespace + "/configmaps/" + StateNames.configMap(LEASE, key);
    }
}
