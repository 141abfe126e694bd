package io.autoscalebot.plugin.kubernetes.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.lease.SharedState;
import io.autoscalebot.plugin.kubernetes.client.ApiException;
import io.autoscalebot.plugin.kubernetes.client.ClusterSettings;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The shared state of a {@code kubernetes-lease}: one ConfigMap per engine key (per group), named by {@link
 * StateNames}, labelled {@code app.kubernetes.io/managed-by=autoscalebot} and {@code autoscalebot.io/lease=NAME} so an
 * operator can find and delete them, the value in {@code data}, the fencing token of its last writer in an annotation.
 * Not annotations on the Lease (256 KiB in all) nor one ConfigMap (1 MiB): 10,000 groups must fit.
 *
 * <p>A write is fenced in two steps, since Kubernetes cannot condition a write of one object on another:
 * <ol>
 *   <li>the Lease is read, and the write refused unless it names the holder with {@code leaseTransitions} equal to
 *       the token;</li>
 *   <li>the ConfigMap is created, or, unless its token is larger than this write's, patched conditioned on the
 *       {@code resourceVersion} just read, setting value and token at once.</li>
 * </ol>
 * Why that is safe enough: once a successor has written a group's state, its larger token is in the ConfigMap, so a
 * paused old leader's later write is refused, whether it reads the ConfigMap after the successor's write (token) or
 * before it (the successor's write changed the resourceVersion: 409). An old leader whose successor has not written
 * yet is refused by step 1 as soon as the Lease changed hands. What remains is an old leader that passed step 1
 * and paused right there while the Lease changed hands: its write lands before the successor's first write of that
 * group, and is replaced by it; the engine never scales on such a lapsed hold, so it only records the last thing the
 * old leader did.
 *
 * <p>Thread-safe: the engine calls it for many groups at once.
 */
final class ConfigMapState implements SharedState {

    /** A conflict means someone wrote in between: one more look decides whether it was a successor. */
    private static final int ATTEMPTS = 2;

    private final Cluster cluster;
    private final String lease;
    private final Supplier<Duration> callTime;

    /** Where the Lease and the ConfigMaps are; found at the first call. */
    interface Cluster {
        ClusterSettings.Cluster get() throws PluginException;
    }

    /**
     * @param cluster the cluster, connected on first use
     * @param lease the Lease's name
     * @param callTime how long each call may take, retries included
     */
    ConfigMapState(Cluster cluster, String lease, Supplier<Duration> callTime) {
        this.cluster = cluster;
        this.lease = lease;
        this.callTime = callTime;
    }

    @Override
    public Optional<String> read(String key) throws PluginException, InterruptedException {
        ClusterSettings.Cluster where = cluster.get();
        Optional<JsonNode> map = configMap(where, key, deadline(where));
        return map.map(found -> found.path("data").path(StateNames.DATA_KEY))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    @Override
    public boolean write(String holder, long token, String key, String value)
            throws PluginException, InterruptedException {
        ClusterSettings.Cluster where = cluster.get();
        Deadline deadline = deadline(where);
        if (!holds(where, holder, token, deadline)) {
            return false;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<JsonNode> current = configMap(where, key, deadline);
            if (current.isEmpty()) {
                if (create(where, key, token, value, deadline)) {
                    return true;
                }
                continue;
            }
            JsonNode metadata = current.get().path("metadata");
            if (tokenOf(metadata) > token) {
                return false;
            }
            if (patch(where, key, metadata.path("resourceVersion").asText(), token, value, deadline)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(ClusterSettings.Cluster where, String holder, long token, Deadline deadline)
            throws PluginException, InterruptedException {
        String path = "/apis/coordination.k8s.io/v1/namespaces/" + where.namespace() + "/leases/" + lease;
        JsonNode found;
        try {
            found = where.api().get(path, "the read of lease " + lease + " in namespace " + where.namespace()
                    + " before a state write", deadline);
        } catch (ApiException e) {
            if (e.code() == 404) {
                return false;
            }
            throw refused(e, where, "leases", "coordination.k8s.io", "get");
        }
        LeaseRecord record;
        try {
            record = LeaseRecord.of(found);
        } catch (IllegalArgumentException e) {
            throw new PluginException("the API server answered the read of lease " + lease + " with something that is"
                    + " not a Lease; check that the server URL points at the API server itself");
        }
        return record.heldBy(holder) && record.transitions() == token;
    }

    private Optional<JsonNode> configMap(ClusterSettings.Cluster where, String key, Deadline deadline)
            throws PluginException, InterruptedException {
        String name = StateNames.configMap(lease, key);
        JsonNode found;
        try {
            found = where.api().get(path(where) + "/" + name, describe(where, key, "the read of"), deadline);
        } catch (ApiException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw refused(e, where, "configmaps", "", "get");
        }
        String recorded = found.path("metadata").path("annotations").path(StateNames.KEY_ANNOTATION).asText("");
        if (!recorded.equals(key)) {
            throw new PluginException("configmap " + name + " in namespace " + where.namespace() + " holds the state"
                    + " of '" + recorded + "', not of '" + key + "' (a name clash, or an object of someone else);"
                    + " delete it or give [leader] another lease name");
        }
        return Optional.of(found);
    }

    private boolean create(ClusterSettings.Cluster where, String key, long token, String value, Deadline deadline)
            throws PluginException, InterruptedException {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        map.put("apiVersion", "v1");
        map.put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata");
        metadata.put("name", StateNames.configMap(lease, key)).put("namespace", where.namespace());
        metadata.putObject("labels").put(StateNames.MANAGED_BY, StateNames.MANAGED_BY_VALUE)
                .put(StateNames.LEASE_LABEL, StateNames.leaseLabel(lease));
        metadata.putObject("annotations").put(StateNames.KEY_ANNOTATION, key)
                .put(StateNames.TOKEN_ANNOTATION, Long.toString(token));
        map.putObject("data").put(StateNames.DATA_KEY, value);
        try {
            where.api().send("POST", path(where), "application/json", map, describe(where, key, "the creation of"),
                    deadline);
            return true;
        } catch (ApiException e) {
            if (e.code() == 409) {
                return false;
            }
            throw refused(e, where, "configmaps", "", "create");
        }
    }

    private boolean patch(ClusterSettings.Cluster where, String key, String resourceVersion, long token, String value,
                          Deadline deadline) throws PluginException, InterruptedException {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.put("resourceVersion", resourceVersion);
        metadata.putObject("annotations").put(StateNames.TOKEN_ANNOTATION, Long.toString(token));
        patch.putObject("data").put(StateNames.DATA_KEY, value);
        try {
            where.api().send("PATCH", path(where) + "/" + StateNames.configMap(lease, key), KubeApi.MERGE_PATCH, patch,
                    describe(where, key, "the update of"), deadline);
            return true;
        } catch (ApiException e) {
            if (e.code() == 409 || e.code() == 404) {
                return false;
            }
            throw refused(e, where, "configmaps", "", "patch");
        }
    }

    /** A missing or unreadable token counts as 0, the smallest a lease hands out: any holder may write over it. */
    private static long tokenOf(JsonNode metadata) {
        String text = metadata.path("annotations").path(StateNames.TOKEN_ANNOTATION).asText("0");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private PluginException refused(ApiException e, ClusterSettings.Cluster where, String resource, String group,
                                    String verb) {
        if (e.code() != 403) {
            return e;
        }
        return new PluginException(e.getMessage() + ". The lease's shared state needs the rule {apiGroups: [\""
                + group + "\"], resources: [\"" + resource + "\"], verbs: [\"get\", \"create\", \"patch\"]} in a Role"
                + " of namespace " + where.namespace() + " (it was refused '" + verb + "'; deploy/kubernetes/rbac.yaml"
                + " grants it)");
    }

    private Deadline deadline(ClusterSettings.Cluster where) {
        return Deadline.after(callTime.get(), where.api().clock());
    }

    private static String path(ClusterSettings.Cluster where) {
        return "/api/v1/namespaces/" + where.namespace() + "/configmaps";
    }

    private String describe(ClusterSettings.Cluster where, String key, String what) {
        return what + " the state of '" + key + "' (configmap " + StateNames.configMap(lease, key) + " in namespace "
                + where.namespace() + ")";
    }
}
