package io.autoscalebot.plugin.kubernetes.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A kubeconfig user's {@code exec} section: a command that prints an {@code ExecCredential} (how EKS, GKE, AKS and
 * OIDC logins hand out short-lived tokens).
 *
 * @param apiVersion {@code client.authentication.k8s.io/v1} or {@code v1beta1}
 * @param command the program; a relative path with a slash is relative to the kubeconfig's folder, as kubectl does
 * @param args its arguments
 * @param env variables added to autoscalebot's own environment for it
 * @param installHint what the kubeconfig says to do when the program is missing, or null
 * @param clusterInfo the cluster's server and CA for {@code KUBERNETES_EXEC_INFO} when {@code provideClusterInfo} is set,
 *     else null
 * @param directory the kubeconfig's folder
 */
public record ExecConfig(String apiVersion, String command, List<String> args, Map<String, String> env,
                         String installHint, Map<String, Object> clusterInfo, Path directory) {

    /** The ExecCredential versions understood. */
    public static final List<String> VERSIONS = List.of("client.authentication.k8s.io/v1",
            "client.authentication.k8s.io/v1beta1");

    /** Checks the parts. */
    public ExecConfig {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
        env = Map.copyOf(env);
        Objects.requireNonNull(directory, "directory");
    }

    /** @return the program as run: relative paths with a slash resolved against the kubeconfig's folder */
    public String program() {
        if (command.contains("/") && !Path.of(command).isAbsolute()) {
            return directory.resolve(command).normalize().toString();
        }
        return command;
    }

    /** @return the program's name, for messages; arguments are left out as they may hold secrets */
    public String name() {
        return Path.of(command).getFileName().toString();
    }
}
