package io.autoscalebot.plugin.kubernetes.client;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the plugin reads from the machine it runs on to find a cluster: environment variables, the home folder (for
 * {@code ~/.kube/config}) and the folder where Kubernetes mounts a pod's service account. Injected so tests can play a
 * pod or a laptop.
 */
public interface Environment {

    /** Where Kubernetes mounts a pod's service account token, CA and namespace. */
    Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /**
     * @param name a variable's name, like {@code KUBECONFIG}
     * @return its value, if set and not empty
     */
    Optional<String> variable(String name);

    /** @return the user's home folder */
    Path home();

    /** @return the folder holding {@code token}, {@code ca.crt} and {@code namespace} in a pod */
    Path serviceAccountDirectory();

    /** @return the real environment of this process */
    static Environment system() {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isEmpty());
            }

            @Override
            public Path home() {
                return Path.of(System.getProperty("user.home"));
            }

            @Override
            public Path serviceAccountDirectory() {
                return SERVICE_ACCOUNT;
            }
        };
    }
}
