package io.autoscalebot.plugin.kubernetes;

import io.autoscalebot.plugin.kubernetes.client.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A machine played by a test: a laptop (no {@code KUBERNETES_SERVICE_HOST}) or a pod, with its own home folder and
 * service account folder.
 *
 * @param variables the environment variables
 * @param home the home folder
 * @param serviceAccountDirectory where the pod's service account is mounted
 */
public record TestEnvironment(Map<String, String> variables, Path home, Path serviceAccountDirectory)
        implements Environment {

    /** @return a laptop with no kubeconfig of its own, whose home is {@code folder} */
    public static TestEnvironment laptop(Path folder) {
        return new TestEnvironment(Map.of(), folder.resolve("home"), folder.resolve("no-service-account"));
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isEmpty());
    }
}
