/**
 * Kubernetes plugins: the {@code kubernetes} scale component (the replicas of a Deployment, StatefulSet or any resource
 * with a {@code /scale} subresource) and the {@code kubernetes-lease} lease of the {@code [leader]} section (a
 * {@code coordination.k8s.io/v1} Lease).
 *
 * <p>A thin client over {@code java.net.http} and the platform's Jackson; no Kubernetes client library (fabric8 is about
 * 32 jars and 19 MB, the official client about 28 jars and 44 MB, for the handful of calls made here).
 */
module io.autoscalebot.plugin.kubernetes {
    requires io.autoscalebot.api;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    // The client and the Lease stay exported for code that embeds them; the engine reaches both components through
    // their providers only.
    exports io.autoscalebot.plugin.kubernetes.client;
    exports io.autoscalebot.plugin.kubernetes.lease;

    provides io.autoscalebot.api.scale.ScaleProvider
            with io.autoscalebot.plugin.kubernetes.scale.KubernetesScaleProvider;
    provides io.autoscalebot.api.lease.LeaseProvider
            with io.autoscalebot.plugin.kubernetes.lease.KubernetesLeaseProvider;
}
