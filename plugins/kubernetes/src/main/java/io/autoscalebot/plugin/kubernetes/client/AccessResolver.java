package io.autoscalebot.plugin.kubernetes.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the cluster to talk to, in the order a user expects from kubectl and client-go:
 * <ol>
 *   <li>the {@code kubeconfig} setting, with the {@code context} setting or its current context;</li>
 *   <li>in a pod (and with neither setting), the pod's service account;</li>
 *   <li>the files of {@code KUBECONFIG}, else {@code ~/.kube/config}.</li>
 * </ol>
 */
public final class AccessResolver {

    private AccessResolver() {
    }

    /**
     * @param kubeconfig the {@code kubeconfig} setting, if set ({@code ~/} is the home folder)
     * @param context the {@code context} setting, if set
     * @param environment the machine
     * @param clock the engine's clock
     * @return the access
     * @throws KubeConfigException if nothing usable was found, saying what was looked for
     */
    public static ClusterAccess resolve(Optional<String> kubeconfig, Optional<String> context,
                                        Environment environment, Clock clock) throws KubeConfigException {
        if (kubeconfig.isEmpty() && context.isEmpty() && InCluster.detected(environment)) {
            return InCluster.access(environment);
        }
        return KubeConfig.read(files(kubeconfig, environment)).access(context, clock);
    }

    /**
     * The checks {@code config validate} can make without knowing where the plugin will run: a {@code kubeconfig}
     * that is set must be readable and hold the context, with everything it names; a {@code context} set alone must be
     * in the kubeconfig found here. With neither set, the cluster is found only at run time (in a pod, or the runner's
     * own kubeconfig), so nothing is checked.
     *
     * @param kubeconfig the {@code kubeconfig} setting, if set
     * @param context the {@code context} setting, if set
     * @param environment the machine
     * @return the problem found, if any
     */
    public static Optional<KubeConfigException> check(Optional<String> kubeconfig, Optional<String> context,
                                                      Environment environment) {
        if (kubeconfig.isEmpty() && context.isEmpty()) {
            return Optional.empty();
        }
        try {
            KubeConfig.read(files(kubeconfig, environment)).access(context, Clock.systemUTC());
            return Optional.empty();
        } catch (KubeConfigException e) {
            return Optional.of(e);
        }
    }

    private static List<Path> files(Optional<String> kubeconfig, Environment environment)
            throws KubeConfigException {
        if (kubeconfig.isPresent()) {
            return List.of(expand(kubeconfig.get(), environment));
        }
        Optional<String> variable = environment.variable("KUBECONFIG");
        if (variable.isPresent()) {
            List<Path> files = new ArrayList<>();
            for (String part : variable.get().split(java.io.File.pathSeparator)) {
                if (!part.isBlank() && Files.exists(expand(part, environment))) {
                    files.add(expand(part, environment));
                }
            }
            if (files.isEmpty()) {
                throw new KubeConfigException("kubeconfig", "none of the files in KUBECONFIG (" + variable.get()
                        + ") exists; fix KUBECONFIG or set the kubeconfig setting");
            }
            return files;
        }
        Path home = environment.home().resolve(".kube").resolve("config");
        if (!Files.exists(home)) {
            throw new KubeConfigException("kubeconfig", "no cluster to talk to: not in a pod"
                    + " (KUBERNETES_SERVICE_HOST is not set), KUBECONFIG is not set and " + home + " does not exist;"
                    + " set kubeconfig to a file kubectl works with, or run autoscalebot in the cluster");
        }
        return List.of(home);
    }

    private static Path expand(String path, Environment environment) {
        if (path.equals("~")) {
            return environment.home();
        }
        if (path.startsWith("~/")) {
            return environment.home().resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
