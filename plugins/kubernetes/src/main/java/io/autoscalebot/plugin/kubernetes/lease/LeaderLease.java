package io.autoscalebot.plugin.kubernetes.lease;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.plugin.kubernetes.client.ClusterSettings;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import java.time.Duration;
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
 * <p>Each call, retries included, has a fifth of the ttl: the default of {@code [leader] timeout}, after which the
 * engine gives the call up anyway; the plugin cannot have a {@code timeout} setting of its own, since that key of
 * {@code [leader]} is the engine's.
 */
final class LeaderLease implements Lease {

    /** Finds the cluster: from the settings, the kubeconfig or the pod's service account. */
    interface Connector {
        ClusterSettings.Cluster connect() throws PluginException;
    }

    private final Connector connector;
    private final String name;

    private KubeApi api;
    private String namespace;
    private KubernetesLease lease;

    LeaderLease(KubeApi api, String namespace, String name) {
        this(() -> new ClusterSettings.Cluster(api, namespace), name);
    }

    LeaderLease(Connector connector, String name) {
        this.connector = connector;
        this.name = name;
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
    public synchronized void teardown() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    private KubernetesLease leaseFor(String holder, Duration ttl) throws PluginException {
        if (api == null) {
            ClusterSettings.Cluster cluster = connector.connect();
            api = cluster.api();
            namespace = cluster.namespace();
        }
        Duration seconds = wholeSeconds(ttl);
        if (lease == null || !lease.identity().equals(holder) || !lease.duration().equals(seconds)) {
            try {
                lease = new KubernetesLease(api, namespace, name, holder, seconds);
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
        return Deadline.after(lease.duration().dividedBy(5), api.clock());
    }
}
