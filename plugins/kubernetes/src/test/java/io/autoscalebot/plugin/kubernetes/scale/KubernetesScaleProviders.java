package io.autoscalebot.plugin.kubernetes.scale;

import io.autoscalebot.plugin.kubernetes.client.Environment;
import io.autoscalebot.plugin.kubernetes.client.Sleeper;

/** Makes the provider on a machine and with waits of the test's choosing. */
public final class KubernetesScaleProviders {

    private KubernetesScaleProviders() {
    }

    /**
     * @param environment the machine
     * @param sleeper how retries wait
     * @return the provider
     */
    public static KubernetesScaleProvider provider(Environment environment, Sleeper sleeper) {
        return new KubernetesScaleProvider(environment, sleeper);
    }
}
