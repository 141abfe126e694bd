package io.autoscalebot.plugin.kubernetes.lease;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.SharedState;
import io.autoscalebot.plugin.kubernetes.client.ClusterSettings;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engine's {@link Lease} over a {@link KubernetesLease}: held means the fencing token is the Lease's
 * {@code leaseTransitions}, which grows by one with every change of holder (a release included, so a holder that takes
 * it again gets a larger one). A write that meets a newer {@code resourceVersion} (409) is read again and decided
 * afresh; when the Lease is someone else's, or ours with another token, the answer is "not yours".
 *
 * <p>The {@link KubernetesLease} is made for one holder and ttl, which the engine keeps for the life of the process;
 * a call with others starts a new one (which, knowing nothing yet, waits a full ttl before taking over a silent
 * holder's Lease).
 *
 * <p>The cluster is found at the first call, not at creation: a lease store that is not there yet (no kubeconfig, not
 * in a pod) is then what the engine handles for any lease store that is down (no instance scales, it asks again),
 * instead of a group setup that fails.
 *
 * <p>Its {@link #sharedState()} keeps each group's state in a ConfigMap of the Lease's namespace ({@link
 * ConfigMapState}), through the same connection.
 *
 * <p>Each call, retries included, has a fifth of the ttl: the default of {@code [leader] timeout}, after which the
 * engine gives the call up anyway; the plugin cannot have a {@code timeout} setting of its own, since that key of
 * {@code [leader]} is the engine's.
 */
final class LeaderLease implements Lease {

    /** Finds the cluster: from the settings, the kubeconfig or the pod's service account. */
    interface Connector {
        ClusterSettings.Cluster connect() throws PluginException;
    }

    /** What a state call has before the first acquire told the ttl: a fifth of the engine's default ttl, 15 s. */
    private static final Duration FIRST_CALL_TIME = Duration.ofSeconds(3);

    private final Connector connector;
    private final String name;
    private final ConfigMapState state;
    /** Guards the connection only, so state calls of many groups do not wait behind a lease call. */
    private final Object connecting = new Object();

    private volatile ClusterSettings.Cluster cluster;
    private volatile Duration callTime = FIRST_CALL_TIME;
    private KubernetesLease lease;

    LeaderLease(KubeApi api, String namespace, String name) {
        this(() -> new ClusterSettings.Cluster(api, namespace), name);
    }

    LeaderLease(Connector connector, String name) {
        this.connector = connector;
        this.name = name;
        this.state = new ConfigMapState(this::cluster, name, () -> callTime);
    }

    @Override
    public synchronized OptionalLong acquire(String holder, Duration ttl) throws Exception {
        LeaseState state = leaseFor(holder, ttl).acquire(deadline());
        return state.held() ? OptionalLong.of(state.transitions()) : OptionalLong.empty();
    }

    @Override
    public synchronized boolean renew(String holder, long token, Duration ttl) throws Exception {
        return leaseFor(holder, ttl).renew(token, deadline()).held();
    }

    @Override
    public synchronized void release(String holder, long token) throws Exception {
        if (lease != null && lease.identity().equals(holder)) {
            lease.release(token, deadline());
        }
    }

    @Override
    public Optional<SharedState> sharedState() {
        return Optional.of(state);
    }

    @Override
    public void teardown() throws Exception {
        synchronized (connecting) {
            if (cluster != null) {
                cluster.api().close();
            }
        }
    }

    private ClusterSettings.Cluster cluster() throws PluginException {
        synchronized (connecting) {
            if (cluster == null) {
                cluster = connector.connect();
            }
            return cluster;
        }
    }

    private KubernetesLease leaseFor(String holder, Duration ttl) throws PluginException {
        ClusterSettings.Cluster where = cluster();
        Duration seconds = wholeSeconds(ttl);
        if (lease == null || !lease.identity().equals(holder) || !lease.duration().equals(seconds)) {
            try {
                lease = new KubernetesLease(where.api(), where.namespace(), name, holder, seconds);
                callTime = seconds.dividedBy(5);
            } catch (IllegalArgumentException e) {
                throw new PluginException(e.getMessage());
            }
        }
        return lease;
    }

    /** A Lease counts whole seconds: a ttl is rounded up, so the Lease never lapses before the engine expects. */
    static Duration wholeSeconds(Duration ttl) {
        long seconds = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private Deadline deadline() {
        return Deadline.after(callTime, cluster.api().clock());
    }
}
