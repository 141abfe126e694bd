package io.autoscalebot.plugin.kubernetes.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Credentials from a kubeconfig's {@code exec} command, run as kubectl runs it and cached until the {@code
 * expirationTimestamp} it gives (or, without one, until the server answers 401).
 *
 * <p>Nothing the command prints is ever shown: its standard output is the credential, and its error output may quote
 * it. A failure names the program and its exit code, so the user can run it by hand.
 */
public final class ExecCredentials implements Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecConfig config;
    private final KeyMaterial kubeconfigCertificate;
    private final Clock clock;
    private Auth cached;
    private Instant expiry;
    private int runs;

    /**
     * @param config the exec section
     * @param kubeconfigCertificate a client certificate the kubeconfig gives besides, used when the command gives none
     * @param clock the engine's clock, for the expiry
     */
    public ExecCredentials(ExecConfig config, KeyMaterial kubeconfigCertificate, Clock clock) {
        this.config = config;
        this.kubeconfigCertificate = kubeconfigCertificate;
        this.clock = clock;
    }

    @Override
    public synchronized Auth current(Deadline deadline) throws PluginException, InterruptedException {
        if (cached != null && (expiry == null || clock.instant().isBefore(expiry))) {
            return cached;
        }
        cached = run(deadline);
        return cached;
    }

    @Override
    public synchronized boolean refreshAfterUnauthorized() {
        cached = null;
        return true;
    }

    @Override
    public synchronized Collection<String> secrets() {
        return cached == null ? List.of() : cached.token().map(List::of).orElse(List.of());
    }

    @Override
    public String describe() {
        return "the credential command '" + config.name() + "'";
    }

    /** @return how many times the command ran, for tests of the cache */
    public synchronized int runs() {
        return runs;
    }

    private Auth run(Deadline deadline) throws PluginException, InterruptedException {
        runs++;
        ProcessBuilder builder = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(config.env());
        builder.environment().put("KUBERNETES_EXEC_INFO", execInfo());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PluginException("cannot run the credential command '" + config.program() + "' of the kubeconfig ("
                    + e.getClass().getSimpleName() + ")" + (config.installHint() == null ? "; install it or fix"
                    + " users[].user.exec.command" : ": " + config.installHint().strip()), e);
        }
        AtomicReference<byte[]> output = new AtomicReference<>(new byte[0]);
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                output.set(in.readAllBytes());
            } catch (IOException e) {
                // The exit code and the missing output say enough.
            }
        }, "kubernetes-exec-credential-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PluginException("the credential command '" + config.name() + "' did not finish within "
                        + deadline.describe() + "; if it waits for a login, log in by hand first (autoscalebot never"
                        + " runs it interactively)");
            }
            reader.join(deadline.remaining().toMillis());
        } catch (IOException e) {
            throw new PluginException("cannot talk to the credential command '" + config.name() + "'", e);
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new PluginException("the credential command '" + config.name() + "' failed with exit code "
                    + process.exitValue() + "; run it by hand to see why (autoscalebot never shows its output, which"
                    + " may hold credentials)");
        }
        return parse(output.get());
    }

    private List<String> command() {
        List<String> command = new java.util.ArrayList<>();
        command.add(config.program());
        command.addAll(config.args());
        return command;
    }

    private String execInfo() {
        ObjectNode info = JSON.createObjectNode();
        info.put("apiVersion", config.apiVersion());
        info.put("kind", "ExecCredential");
        ObjectNode spec = info.putObject("spec");
        spec.put("interactive", false);
        if (config.clusterInfo() != null) {
            spec.set("cluster", JSON.valueToTree(config.clusterInfo()));
        }
        return info.toString();
    }

    private Auth parse(byte[] output) throws PluginException {
        String what = "the credential command '" + config.name() + "'";
        JsonNode credential;
        try {
            credential = JSON.readTree(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Jackson's message would quote the output, which is the credential.
            throw new PluginException(what + " printed something that is not JSON; it must print an ExecCredential");
        }
        if (credential == null || !"ExecCredential".equals(credential.path("kind").asText())) {
            throw new PluginException(what + " printed JSON that is not an ExecCredential (kind: ExecCredential)");
        }
        String version = credential.path("apiVersion").asText();
        if (!version.equals(config.apiVersion())) {
            throw new PluginException(what + " answered apiVersion '" + version + "' to a request for '"
                    + config.apiVersion() + "'; set users[].user.exec.apiVersion to what it speaks");
        }
        JsonNode status = credential.path("status");
        String token = status.path("token").isTextual() ? status.path("token").asText() : null;
        KeyMaterial certificate = kubeconfigCertificate;
        if (status.path("clientCertificateData").isTextual() || status.path("clientKeyData").isTextual()) {
            if (!status.path("clientCertificateData").isTextual() || !status.path("clientKeyData").isTextual()) {
                throw new PluginException(what + " gave only one of clientCertificateData and clientKeyData");
            }
            try {
                certificate = new KeyMaterial(
                        Pem.certificates(status.path("clientCertificateData").asText().getBytes(StandardCharsets.US_ASCII),
                                "clientCertificateData of " + what),
                        Pem.privateKey(status.path("clientKeyData").asText().getBytes(StandardCharsets.US_ASCII),
                                "clientKeyData of " + what));
            } catch (IllegalArgumentException e) {
                throw new PluginException(e.getMessage());
            }
        }
        if ((token == null || token.isEmpty()) && certificate == kubeconfigCertificate) {
            throw new PluginException(what + " gave neither status.token nor status.clientCertificateData");
        }
        expiry = null;
        if (status.path("expirationTimestamp").isTextual()) {
            try {
                expiry = Instant.parse(status.path("expirationTimestamp").asText());
            } catch (DateTimeParseException e) {
                throw new PluginException(what + " gave an expirationTimestamp that is not an RFC 3339 time");
            }
        }
        return new Auth(token == null || token.isEmpty() ? null : token, certificate);
    }

    /** Shows the program only. */
    @Override
    public String toString() {
        return "ExecCredentials[" + config.name() + "]";
    }
}
