package io.autoscalebot.plugin.kubernetes.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The access a pod has to its own cluster: the API server at {@code KUBERNETES_SERVICE_HOST:KUBERNETES_SERVICE_PORT},
 * trusted through the mounted {@code ca.crt}, authenticated with the mounted service account token (read again when the
 * kubelet rotates it), in the pod's own namespace by default.
 */
public final class InCluster {

    private InCluster() {
    }

    /**
     * @param environment where to read the variables and the service account
     * @return whether this looks like a pod: the variables are set and the token is mounted
     */
    public static boolean detected(Environment environment) {
        return environment.variable("KUBERNETES_SERVICE_HOST").isPresent()
                && Files.exists(environment.serviceAccountDirectory().resolve("token"));
    }

    /**
     * @param environment where to read the variables and the service account
     * @return the pod's access to its cluster
     * @throws KubeConfigException if the variables or the mounted files are missing
     */
    public static ClusterAccess access(Environment environment) throws KubeConfigException {
        String host = environment.variable("KUBERNETES_SERVICE_HOST").orElseThrow(() -> new KubeConfigException(
                "kubeconfig", "KUBERNETES_SERVICE_HOST is not set, so this is not a pod; set kubeconfig"));
        String port = environment.variable("KUBERNETES_SERVICE_PORT").orElse("443");
        Path directory = environment.serviceAccountDirectory();
        Path token = directory.resolve("token");
        if (!Files.isReadable(token)) {
            throw new KubeConfigException("kubeconfig", "running in a pod, but its service account token " + token
                    + " cannot be read; set automountServiceAccountToken: true on the pod or its service account");
        }
        Path ca = directory.resolve("ca.crt");
        Trust trust;
        try {
            trust = new Trust(Pem.certificates(Files.readAllBytes(ca), "the pod's " + ca), false);
        } catch (IOException | IllegalArgumentException e) {
            throw new KubeConfigException("kubeconfig", "running in a pod, but the cluster's CA " + ca
                    + " cannot be read (" + e.getMessage() + ")");
        }
        Optional<String> namespace = Optional.empty();
        try {
            Path file = directory.resolve("namespace");
            if (Files.isReadable(file)) {
                namespace = Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                        .filter(ns -> !ns.isEmpty());
            }
        } catch (IOException e) {
            // The namespace only fills a default; the namespace setting or "default" will do.
        }
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        String source = "the pod's service account (" + directory + ")";
        return new ClusterAccess(URI.create("https://" + hostPart + ":" + port), trust,
                new TokenFileCredentials(token, null, "the pod's service account"), namespace, source);
    }
}
