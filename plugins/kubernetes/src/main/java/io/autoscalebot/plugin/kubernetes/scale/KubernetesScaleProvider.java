package io.autoscalebot.plugin.kubernetes.scale;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.kubernetes.client.ClusterSettings;
import io.autoscalebot.plugin.kubernetes.client.ClusterSettings.Cluster;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.Environment;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code kubernetes} scale component: the replicas of a Deployment, StatefulSet or any resource with a {@code
 * /scale} subresource, through the Kubernetes API.
 */
public final class KubernetesScaleProvider implements ScaleProvider {

    /** What to scale. */
    static final Setting TARGET = Setting.of("target", SettingType.STRING).asRequired().example("deployment/web")
            .doc("What to scale, as kubectl names it: deployment/NAME, statefulset/NAME, replicaset/NAME, or"
                    + " RESOURCE.VERSION.GROUP/NAME for any resource with a /scale subresource (like"
                    + " rollouts.v1alpha1.argoproj.io/web).");

    /** Its namespace. */
    static final Setting NAMESPACE = ClusterSettings.namespace("The target");

    /** The time one call has in all. */
    static final Setting TIMEOUT = Setting.of("timeout", SettingType.DURATION).defaultValue(Duration.ofSeconds(8))
            .doc("The longest time one call may take in all: every attempt, the backoff between retries and a"
                    + " credential command; a retry that would run past it is not started, and the call fails saying"
                    + " what the API server answered last. Keep it below the group's `timeout` (default 10s), after"
                    + " which the engine interrupts the call.");

    private final Environment environment;
    private final Sleeper sleeper;

    /** Creates the provider {@link java.util.ServiceLoader} finds. */
    public KubernetesScaleProvider() {
        this(Environment.system(), Sleeper.REAL);
    }

    /**
     * @param environment the machine, played by tests as a pod or a laptop
     * @param sleeper how retries wait; tests pass one that does not really wait
     */
    KubernetesScaleProvider(Environment environment, Sleeper sleeper) {
        this.environment = environment;
        this.sleeper = sleeper;
    }

    @Override
    public String id() {
        return "kubernetes";
    }

    @Override
    public String description() {
        return "Reads and sets the replicas of a Deployment, StatefulSet or any resource with a /scale subresource";
    }

    @Override
    public List<Setting> settings() {
        return List.of(TARGET, NAMESPACE, ClusterSettings.KUBECONFIG, ClusterSettings.CONTEXT, TIMEOUT,
                ClusterSettings.MAX_RETRIES);
    }

    /**
     * Every check that needs no cluster: the target's form and names, the namespace's, and, when set, that the
     * kubeconfig can be read and holds the context with everything it names (files, certificates, keys, the exec
     * section). With neither {@code kubeconfig} nor {@code context} set, the cluster is found only where the plugin
     * runs.
     *
     * @param settings the component's resolved settings
     * @return every problem found, empty when none
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        try {
            ScaleTarget.parse(settings.string(TARGET.name()));
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(TARGET.name(), e.getMessage()));
        }
        problems.addAll(ClusterSettings.namespaceProblems(settings));
        if (settings.duration(TIMEOUT.name()).isZero()) {
            problems.add(new SettingProblem(TIMEOUT.name(), "setting 'timeout' must be more than 0s, like \"8s\""));
        }
        problems.addAll(ClusterSettings.accessProblems(settings, environment));
        return problems;
    }

    @Override
    public Scale create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        }
        ScaleTarget target = ScaleTarget.parse(settings.string(TARGET.name()));
        Duration timeout = settings.duration(TIMEOUT.name());
        Cluster cluster = ClusterSettings.connect(settings, environment, context, sleeper, timeout);
        return new KubernetesScale(cluster.api(), target, cluster.namespace(), budget(timeout, context.clock()),
                context.logger());
    }

    /**
     * The deadline of one call, from the {@code timeout} setting. The one place to change when the engine hands each
     * call its own deadline.
     */
    private static Supplier<Deadline> budget(Duration timeout, Clock clock) {
        return () -> Deadline.after(timeout, clock);
    }
}
