package io.autoscalebot.plugin.kubernetes.lease;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.LeaseProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.kubernetes.client.ClusterSettings;
import io.autoscalebot.plugin.kubernetes.client.Environment;
import io.autoscalebot.plugin.kubernetes.client.Names;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code kubernetes-lease} lease: {@code [leader] plugin = "kubernetes-lease"}. A {@code coordination.k8s.io/v1}
 * Lease in the cluster every replica runs in, its {@code leaseTransitions} as fencing token, and the shared state
 * in one ConfigMap per group beside it ({@link ConfigMapState}). It reaches the cluster as the {@code kubernetes}
 * scale component does, with the same settings.
 */
public final class KubernetesLeaseProvider implements LeaseProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "kubernetes-lease";

    /** The Lease's name. */
    static final Setting NAME = Setting.of("name", SettingType.STRING).defaultValue("autoscalebot-leader")
            .doc("The Lease's name, shared by every instance of this configuration; give each configuration in a"
                    + " namespace its own. deploy/kubernetes/rbac.yaml lets the service account hold"
                    + " `autoscalebot-leader`. What a new leader must know (each group's last scale, recent scales"
                    + " and open conditions) is kept beside it, one ConfigMap per group named"
                    + " `NAME-state-group-GROUP-HASH` and labelled `autoscalebot.io/lease=NAME`, written only by"
                    + " the Lease's holder; delete them with `kubectl delete configmap -l autoscalebot.io/lease=NAME`"
                    + " when retiring a configuration.");

    /** Its namespace. */
    static final Setting NAMESPACE = ClusterSettings.namespace("The Lease");

    /**
     * The longest wait for a connection. The time a whole call has is not a setting: {@code timeout} in
     * {@code [leader]} is the engine's, so each call gets a fifth of the ttl, that timeout's default (see
     * {@link LeaderLease}).
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final Environment environment;
    private final Sleeper sleeper;

    /** Creates the provider {@link java.util.ServiceLoader} finds. */
    public KubernetesLeaseProvider() {
        this(Environment.system(), Sleeper.REAL);
    }

    /**
     * @param environment the machine, played by tests as a pod or a laptop
     * @param sleeper how retries wait; tests pass one that does not really wait
     */
    KubernetesLeaseProvider(Environment environment, Sleeper sleeper) {
        this.environment = environment;
        this.sleeper = sleeper;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "The [leader] lease as a coordination.k8s.io/v1 Lease, its leaseTransitions as fencing token";
    }

    @Override
    public List<Setting> settings() {
        return List.of(NAME, NAMESPACE, ClusterSettings.KUBECONFIG, ClusterSettings.CONTEXT,
                ClusterSettings.MAX_RETRIES);
    }

    /**
     * Every check that needs no cluster: the Lease's name, the namespace's, and, when set, that the kubeconfig can be
     * read and holds the context with everything it names.
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        String name = settings.string(NAME.name());
        Names.dnsSubdomain(name).ifPresent(why -> problems.add(new SettingProblem(NAME.name(),
                "setting 'name': '" + name + "' " + why)));
        problems.addAll(ClusterSettings.namespaceProblems(settings));
        problems.addAll(ClusterSettings.accessProblems(settings, environment));
        return problems;
    }

    /** @throws PluginException listing what {@link #validate} finds wrong, or when the cluster cannot be used */
    @Override
    public Lease create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        }
        return new LeaderLease(() -> ClusterSettings.connect(settings, environment, context, sleeper, CONNECT_TIMEOUT),
                settings.string(NAME.name()));
    }
}
