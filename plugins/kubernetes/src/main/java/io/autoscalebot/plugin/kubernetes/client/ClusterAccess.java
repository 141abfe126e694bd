package io.autoscalebot.plugin.kubernetes.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and authenticate to one API server, as a kubeconfig context or a pod's service account says.
 *
 * @param server the API server's base URL, {@code https://10.96.0.1:443}
 * @param trust which server certificates to accept
 * @param credentials what each request authenticates with
 * @param namespace the namespace the context or the pod defaults to, if any
 * @param source where this came from, for messages: {@code context 'kind-dev' of /home/me/.kube/config}
 */
public record ClusterAccess(URI server, Trust trust, Credentials credentials, Optional<String> namespace,
                            String source) {

    /** Checks the parts. */
    public ClusterAccess {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(source, "source");
    }
}
