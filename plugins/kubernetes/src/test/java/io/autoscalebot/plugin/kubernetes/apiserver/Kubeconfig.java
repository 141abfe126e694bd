package io.autoscalebot.plugin.kubernetes.apiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes a kubeconfig file as kubectl or a cloud CLI would: one cluster, one user, one context that is current.
 * Immutable; each method returns a copy.
 */
public final class Kubeconfig {

    private final URI server;
    private final List<String> clusterLines;
    private final List<String> userLines;
    private final String namespace;

    private Kubeconfig(URI server, List<String> clusterLines, List<String> userLines, String namespace) {
        this.server = server;
        this.clusterLines = List.copyOf(clusterLines);
        this.userLines = List.copyOf(userLines);
        this.namespace = namespace;
    }

    /** @return a kubeconfig for the server, trusting nothing yet and with no credentials */
    public static Kubeconfig to(URI server) {
        return new Kubeconfig(server, List.of(), List.of(), null);
    }

    /** @return a kubeconfig for the test server trusting its certificate through a file */
    public static Kubeconfig to(KubeApiServer server) {
        return to(server.url()).cluster("certificate-authority: " + server.caFile());
    }

    /** @return a copy with a line added under {@code cluster:} */
    public Kubeconfig cluster(String line) {
        List<String> lines = new ArrayList<>(clusterLines);
        lines.add(line);
        return new Kubeconfig(server, lines, userLines, namespace);
    }

    /** @return a copy with lines added under {@code user:}, indented as given below it */
    public Kubeconfig user(String... lines) {
        List<String> all = new ArrayList<>(userLines);
        all.addAll(List.of(lines));
        return new Kubeconfig(server, clusterLines, all, namespace);
    }

    /** @return a copy with a bearer token */
    public Kubeconfig token(String token) {
        return user("token: " + token);
    }

    /** @return a copy whose CA is given inline, base64 as kubectl writes it */
    public Kubeconfig caData(byte[] pem) {
        return cluster("certificate-authority-data: " + Base64.getEncoder().encodeToString(pem));
    }

    /** @return a copy whose context defaults to a namespace */
    public Kubeconfig namespace(String name) {
        return new Kubeconfig(server, clusterLines, userLines, name);
    }

    /** @return the file's text */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("apiVersion: v1\nkind: Config\nclusters:\n- name: test\n  cluster:\n    server: ")
                .append(server).append('\n');
        for (String line : clusterLines) {
            text.append("    ").append(line).append('\n');
        }
        text.append("users:\n- name: tester\n  user:");
        if (userLines.isEmpty()) {
            text.append(" {}");
        }
        text.append('\n');
        for (String line : userLines) {
            text.append("    ").append(line).append('\n');
        }
        text.append("contexts:\n- name: test\n  context:\n    cluster: test\n    user: tester\n");
        if (namespace != null) {
            text.append("    namespace: ").append(namespace).append('\n');
        }
        return text.append("current-context: test\n").toString();
    }

    /**
     * @param file where to write it
     * @return the file
     */
    public Path writeTo(Path file) {
        try {
            Files.writeString(file, text(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
