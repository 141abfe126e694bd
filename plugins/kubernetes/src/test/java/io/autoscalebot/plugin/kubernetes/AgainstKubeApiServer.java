package io.autoscalebot.plugin.kubernetes;

import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServer;
import io.autoscalebot.plugin.kubernetes.apiserver.KubeApiServerExtension;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;
import io.autoscalebot.plugin.kubernetes.scale.KubernetesScaleProviders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

/**
 * A test against the real API server the {@link KubeApiServerExtension} runs for the whole module, with a folder of
 * its own for kubeconfigs and a logger that remembers.
 */
@ExtendWith(KubeApiServerExtension.class)
public abstract class AgainstKubeApiServer {

    /** The {@code rules} entry letting a Role get and patch the scale of Deployments. */
    protected static final String SCALE_DEPLOYMENTS = "{\"apiGroups\":[\"apps\"],\"resources\":[\"deployments/scale\"],"
            + "\"verbs\":[\"get\",\"patch\"]}";

    /** The {@code rules} entry letting a Role hold leader Leases, as deploy/kubernetes/rbac.yaml grants. */
    protected static final String HOLD_LEASES = "{\"apiGroups\":[\"coordination.k8s.io\"],\"resources\":"
            + "[\"leases\"],\"verbs\":[\"get\",\"create\",\"patch\"]}";

    /** The server. */
    protected KubeApiServer server;

    /** A folder for kubeconfigs, scripts and state. */
    @TempDir
    protected Path folder;

    /** Records what the plugin logs. */
    protected final RecordingLogger logger = new RecordingLogger();

    @BeforeEach
    void takeServer(KubeApiServer server) {
        this.server = server;
    }

    /**
     * Creates a {@code kubernetes} scale component on a laptop with no kubeconfig of its own.
     *
     * @param settings its settings
     * @param clock the engine's clock
     * @param sleeper how retries wait
     * @return the instance, set up
     * @throws Exception if the settings are invalid or creation or setup failed
     */
    protected Scale scale(Map<String, Object> settings, Clock clock, Sleeper sleeper) throws Exception {
        return scale(settings, clock, sleeper, TestEnvironment.laptop(folder));
    }

    /** Likewise, on a machine of the test's choosing. */
    protected Scale scale(Map<String, Object> settings, Clock clock, Sleeper sleeper, TestEnvironment environment)
            throws Exception {
        Scale scale = created(settings, clock, sleeper, environment);
        scale.setup();
        return scale;
    }

    /** Creates the component without setting it up, as the engine does before its setup call. */
    protected Scale created(Map<String, Object> settings, Clock clock, Sleeper sleeper, TestEnvironment environment)
            throws Exception {
        var provider = KubernetesScaleProviders.provider(environment, sleeper);
        return provider.create(TestSettings.resolve(provider.settings(), new HashMap<>(settings)),
                TestContexts.plugin().clock(clock).logger(logger).stateDirectory(folder).build());
    }

    /** With the real clock and real waits. */
    protected Scale scale(Map<String, Object> settings) throws Exception {
        return scale(settings, Clock.systemUTC(), Sleeper.REAL);
    }

    /**
     * Waits, polling, until a condition holds: RBAC changes reach the API server's authorizer through a watch, a
     * moment after they are written.
     *
     * @param what the condition, for the failure message
     * @param condition the condition
     * @throws AssertionError if it did not hold within 30 s
     */
    protected static void eventually(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 30 s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
