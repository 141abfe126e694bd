package io.autoscalebot.plugin.kubernetes.client;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.List;

/**
 * The settings every component of this plugin shares to reach a cluster ({@code namespace}, {@code kubeconfig},
 * {@code context}, {@code max_retries}), their checks and the client they make: one place, so the
 * {@code kubernetes} scale component and the {@code kubernetes-lease} authenticate the same way.
 */
public final class ClusterSettings {

    /** A kubeconfig file. */
    public static final Setting KUBECONFIG = Setting.of("kubeconfig", SettingType.STRING)
            .doc("A kubeconfig file (`~/` is the home folder) with a token, client certificate or exec credential"
                    + " command. Default: in a pod, its service account (token re-read when it rotates); else the"
                    + " files in KUBECONFIG, else ~/.kube/config, as kubectl.");

    /** Its context. */
    public static final Setting CONTEXT = Setting.of("context", SettingType.STRING)
            .doc("The kubeconfig context to use. Default: its current-context.");

    /** How often to retry. */
    public static final Setting MAX_RETRIES = Setting.of("max_retries", SettingType.INTEGER).defaultValue(3).atLeast(0)
            .doc("How many times a call is retried, with exponential backoff (or the server's Retry-After), when the"
                    + " API server answers 429 or 5xx or cannot be reached. Refusals (401, 403, 404, 409, 422) are"
                    + " never retried.");

    private static final String NAMESPACE = "namespace";

    private ClusterSettings() {
    }

    /**
     * @param what what lives in the namespace, like "The target" or "The Lease"
     * @return the {@code namespace} setting
     */
    public static Setting namespace(String what) {
        return Setting.of(NAMESPACE, SettingType.STRING)
                .doc(what + "'s namespace. Default: the kubeconfig context's namespace; in a pod, the pod's own; else"
                        + " `default`.");
    }

    /**
     * @param settings the component's resolved settings
     * @return the problem of the {@code namespace} setting's form, if any
     */
    public static List<SettingProblem> namespaceProblems(Settings settings) {
        return settings.optionalString(NAMESPACE).flatMap(Names::dnsLabel).map(why -> List.of(new SettingProblem(
                NAMESPACE, "setting 'namespace': '" + settings.string(NAMESPACE) + "' " + why))).orElse(List.of());
    }

    /**
     * The checks of {@code kubeconfig} and {@code context} that need no cluster: when set, that the kubeconfig can be
     * read and holds the context with everything it names (files, certificates, keys, the exec section). With neither
     * set, the cluster is found only where the plugin runs.
     *
     * @param settings the component's resolved settings
     * @param environment the machine the plugin runs on
     * @return the problem found, empty when none
     */
    public static List<SettingProblem> accessProblems(Settings settings, Environment environment) {
        return AccessResolver.check(settings.optionalString(KUBECONFIG.name()), settings.optionalString(CONTEXT.name()),
                environment).map(e -> List.of(new SettingProblem(e.setting(), e.getMessage()))).orElse(List.of());
    }

    /**
     * Finds the cluster and makes its client.
     *
     * @param settings the component's resolved, valid settings
     * @param environment the machine the plugin runs on
     * @param context the component's context (clock, logger)
     * @param sleeper how retries wait
     * @param connectTimeout the longest wait for a connection
     * @return the client and the namespace to work in
     * @throws PluginException if the kubeconfig or the pod's service account cannot be used
     */
    public static Cluster connect(Settings settings, Environment environment, PluginContext context, Sleeper sleeper,
            Duration connectTimeout) throws PluginException {
        ClusterAccess access;
        try {
            access = AccessResolver.resolve(settings.optionalString(KUBECONFIG.name()),
                    settings.optionalString(CONTEXT.name()), environment, context.clock());
        } catch (KubeConfigException e) {
            throw new PluginException(e.getMessage());
        }
        String namespace = settings.optionalString(NAMESPACE).or(access::namespace).orElse("default");
        KubeApi api = new KubeApi(access, connectTimeout, settings.integer(MAX_RETRIES.name()), context.clock(),
                context.logger(), sleeper);
        return new Cluster(api, namespace);
    }

    /**
     * A cluster reached.
     *
     * @param api its client
     * @param namespace the namespace to work in
     */
    public record Cluster(KubeApi api, String namespace) {
    }
}
