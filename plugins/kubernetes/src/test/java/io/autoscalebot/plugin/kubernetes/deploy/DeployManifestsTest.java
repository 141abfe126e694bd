package io.autoscalebot.plugin.kubernetes.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.plugin.kubernetes.AgainstKubeApiServer;
import io.autoscalebot.plugin.kubernetes.TestEnvironment;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.client.AccessResolver;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import io.autoscalebot.plugin.kubernetes.lease.KubernetesLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests of {@code deploy/kubernetes/} against the real API server: they apply cleanly (a server-side dry
 * run, the check {@code kubectl apply --dry-run=server} makes, with every field kept), and the Role they grant is
 * enough for the plugin and no more.
 */
class DeployManifestsTest extends AgainstKubeApiServer {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void applyCleanlyWithAServerSideDryRunKeepingEveryField() throws Exception {
        String namespace = server.newNamespace("deploy");
        List<JsonNode> manifests = manifests();

        assertThat(manifests).extracting(manifest -> manifest.path("kind").asText())
                .containsExactlyInAnyOrder("ConfigMap", "Deployment", "ServiceAccount", "Role", "RoleBinding",
                        "Service");
        for (JsonNode manifest : manifests) {
            KubeApiServer.Response created = server.send("POST", collection(manifest, namespace) + "?dryRun=All",
                    "application/json", manifest.toString(), KubeApiServer.ADMIN_TOKEN);

            assertThat(created.status()).as(describe(manifest) + ": " + created.body()).isEqualTo(201);
            assertThat(unknownFields(manifest, created.json(), "")).as(describe(manifest)
                    + " has fields the API server dropped (misspelt or not in this API version)").isEmpty();
            assertThat(server.send("GET", collection(manifest, namespace) + "/" + manifest.path("metadata")
                    .path("name").asText(), null, null, KubeApiServer.ADMIN_TOKEN).status())
                    .as("a dry run creates nothing").isEqualTo(404);
        }
    }

    @Test
    void grantTheServiceAccountWhatThePluginNeedsToScaleAndHoldTheLease() throws Exception {
        String namespace = applyRbacFor("web");
        Scale scale = scale(Map.of("target", "deployment/web"), Clock.systemUTC(), Sleeper.REAL, pod(namespace));

        eventually("the Role works", () -> {
            try {
                return scale.scaleTo(4) == 4;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(scale.current()).isEqualTo(4);
        assertThat(server.replicas("/apis/apps/v1/namespaces/" + namespace + "/deployments/web")).isEqualTo(4);

        try (KubeApi api = new KubeApi(AccessResolver.resolve(Optional.empty(), Optional.empty(), pod(namespace),
                Clock.systemUTC()), Duration.ofSeconds(10), 3, Clock.systemUTC(), logger, Sleeper.REAL)) {
            KubernetesLease lease = new KubernetesLease(api, namespace, "autoscalebot-leader", "autoscalebot-0",
                    Duration.ofSeconds(15));
            assertThat(lease.acquire(deadline()).held()).isTrue();
            assertThat(lease.renew(deadline()).held()).isTrue();
            lease.release(deadline());
        }
        // The shared state: one ConfigMap per group, created, read and patched by the leader.
        String token = Files.readString(folder.resolve("serviceaccount/token"));
        String configMaps = "/api/v1/namespaces/" + namespace + "/configmaps";
        assertThat(server.send("POST", configMaps, "application/json", "{\"apiVersion\":\"v1\",\"kind\":"
                + "\"ConfigMap\",\"metadata\":{\"name\":\"autoscalebot-leader-state-group-web-0123456789abcdef\"},"
                + "\"data\":{\"state\":\"{}\"}}", token).status()).as("create a state ConfigMap").isEqualTo(201);
        String state = configMaps + "/autoscalebot-leader-state-group-web-0123456789abcdef";
        assertThat(server.send("GET", state, null, null, token).status()).as("read it").isEqualTo(200);
        assertThat(server.send("PATCH", state, "application/merge-patch+json", "{\"data\":{\"state\":\"[]\"}}",
                token).status()).as("patch it").isEqualTo(200);
    }

    @Test
    void grantNothingThePluginDoesNotNeed() throws Exception {
        String namespace = applyRbacFor("web");
        server.createDeployment(namespace, "other", 1);
        String token = Files.readString(folder.resolve("serviceaccount/token"));
        String apps = "/apis/apps/v1/namespaces/" + namespace + "/deployments/";
        String leases = "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases/";
        eventually("the Role works", () -> server.send("GET", apps + "web/scale", null, null, token).status() == 200);

        assertThat(server.send("DELETE", apps + "web", null, null, token).status()).as("delete deployments")
                .isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/namespaces/" + namespace + "/secrets", null, null, token).status())
                .as("list secrets").isEqualTo(403);
        assertThat(server.send("PATCH", apps + "web", "application/merge-patch+json",
                "{\"spec\":{\"paused\":true}}", token).status()).as("patch the Deployment itself").isEqualTo(403);
        assertThat(server.send("GET", apps + "web", null, null, token).status()).as("get the Deployment itself")
                .isEqualTo(403);
        assertThat(server.send("GET", apps + "other/scale", null, null, token).status())
                .as("the scale of a Deployment the Role does not name").isEqualTo(403);
        assertThat(server.send("GET", leases + "someone-elses", null, null, token).status())
                .as("another lease").isEqualTo(403);
        assertThat(server.send("DELETE", leases + "autoscalebot-leader", null, null, token).status())
                .as("delete its own lease").isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/namespaces/" + namespace + "/configmaps", null, null, token).status())
                .as("list configmaps").isEqualTo(403);
        assertThat(server.send("DELETE", "/api/v1/namespaces/" + namespace + "/configmaps/autoscalebot", null, null,
                token).status()).as("delete a configmap").isEqualTo(403);
        Scale other = created(Map.of("target", "deployment/other"), Clock.systemUTC(), Sleeper.REAL, pod(namespace));
        assertThatThrownBy(other::current).hasMessageContaining("user \"system:serviceaccount:" + namespace
                + ":autoscalebot\" may not get deployments/scale");
    }

    /** Creates rbac.yaml for real in a new namespace with a Deployment, and mounts the account's token as a pod has it. */
    private String applyRbacFor(String deployment) throws Exception {
        String namespace = server.newNamespace("rbac");
        server.createDeployment(namespace, deployment, 2);
        for (JsonNode manifest : manifests()) {
            if (List.of("ServiceAccount", "Role", "RoleBinding").contains(manifest.path("kind").asText())) {
                server.admin("POST", collection(manifest, namespace), manifest.toString());
            }
        }
        Path account = Files.createDirectories(folder.resolve("serviceaccount"));
        Files.writeString(account.resolve("token"), server.serviceAccountToken(namespace, "autoscalebot"));
        Files.copy(server.caFile(), account.resolve("ca.crt"));
        Files.writeString(account.resolve("namespace"), namespace);
        return namespace;
    }

    private TestEnvironment pod(String namespace) {
        return new TestEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT",
                String.valueOf(server.url().getPort())), folder, folder.resolve("serviceaccount"));
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(20), Clock.systemUTC());
    }

    private static List<JsonNode> manifests() throws Exception {
        Path folder = Path.of(System.getProperty("autoscalebot.repo", "../..")).resolve("deploy/kubernetes");
        List<JsonNode> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                        .readValues(file.toFile())) {
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        if (document != null && !document.isNull() && !document.isEmpty()) {
                            manifests.add(document);
                        }
                    }
                }
            }
        }
        return manifests;
    }

    /** The collection to POST a manifest to: {@code /apis/GROUP/VERSION/namespaces/NS/KINDs}. */
    private static String collection(JsonNode manifest, String namespace) {
        String apiVersion = manifest.path("apiVersion").asText();
        String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return base + "/namespaces/" + namespace + "/" + manifest.path("kind").asText().toLowerCase(Locale.ROOT) + "s";
    }

    /** The paths of fields the manifest sets that the created object lacks: what the server dropped as unknown. */
    private static List<String> unknownFields(JsonNode manifest, JsonNode created, String path) {
        List<String> missing = new ArrayList<>();
        if (manifest.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = manifest.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode there = created.get(field.getKey());
                if (there == null) {
                    missing.add(path + "." + field.getKey());
                } else {
                    missing.addAll(unknownFields(field.getValue(), there, path + "." + field.getKey()));
                }
            }
        } else if (manifest.isArray()) {
            for (int i = 0; i < manifest.size(); i++) {
                missing.addAll(created.has(i) ? unknownFields(manifest.get(i), created.get(i), path + "[" + i + "]")
                        : List.of(path + "[" + i + "]"));
            }
        }
        return missing;
    }

    private static String describe(JsonNode manifest) {
        return manifest.path("kind").asText() + " " + manifest.path("metadata").path("name").asText();
    }
}
