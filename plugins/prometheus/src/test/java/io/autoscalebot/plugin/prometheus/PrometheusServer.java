package io.autoscalebot.plugin.prometheus;

import io.autoscalebot.testkit.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus on 127.0.0.1 scraping the tests' {@link MetricsTarget} every second, with its data in a folder
 * under {@code target/}; optionally secured as a user would secure it with {@code --web.config.file}: TLS with a
 * self-signed certificate and HTTP Basic authentication.
 */
public final class PrometheusServer implements AutoCloseable {

    /** The user of a secured server. */
    static final String USER = "autoscalebot";
    /** That user's password: characters that need encoding in every form the plugin sends it. */
    static final String PASSWORD = "pr%m:s3cret/ü pass";
    /**
     * The bcrypt hash of {@link #PASSWORD} that Prometheus checks it against, made once with
     * {@code perl -e 'print crypt("pr%m:s3cret/ü pass", "\$2b\$10\$Autoscalebot0Prometheus")'} (libxcrypt's bcrypt;
     * {@code htpasswd -nbBC 10} gives an equivalent one).
     */
    private static final String PASSWORD_BCRYPT = "$2b$10$Autoscalebot0PrometheuZikv2nRusaLeIOxq0cZdio24CJ0xmjC";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_PATIENCE = Duration.ofMinutes(2);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final Path home;
    private final int port;
    private final Optional<Path> certificateAuthority;
    private final Process process;
    private final HttpClient http;
    private final Thread killOnExit;

    private PrometheusServer(Path home, int port, Optional<Path> certificateAuthority, Process process,
                             HttpClient http) {
        this.home = home;
        this.port = port;
        this.certificateAuthority = certificateAuthority;
        this.process = process;
        this.http = http;
        this.killOnExit = new Thread(process::destroyForcibly, "prometheus-test-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts Prometheus and waits until it is ready and has scraped the target once.
     *
     * @param binary the {@code prometheus} executable
     * @param home an empty folder for its configuration, data and log
     * @param target what it scrapes
     * @param secured whether it serves https with Basic authentication
     * @return the running server
     */
    static PrometheusServer start(Path binary, Path home, MetricsTarget target, boolean secured) throws Exception {
        return start(binary, home, target.address(), secured);
    }

    /**
     * Starts Prometheus scraping any target, and waits until it is ready and has scraped it once: the distribution's
     * end-to-end test points it at autoscalebot's own /metrics.
     *
     * @param binary the {@code prometheus} executable, as {@link #find()} finds it
     * @param home an empty folder for its configuration, data and log
     * @param target {@code 127.0.0.1:PORT} of what it scrapes at /metrics
     * @param secured whether it serves https with Basic authentication
     * @return the running server
     */
    public static PrometheusServer start(Path binary, Path home, String target, boolean secured) throws Exception {
        Files.createDirectories(home);
        int port = freePort();
        Path config = home.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "scrape_configs:",
                "  - job_name: app",
                "    static_configs:",
                "      - targets: ['" + target + "']",
                ""));
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        Optional<Path> authority = Optional.empty();
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (secured) {
            TestCertificate certificate = TestCertificate.create(home.resolve("tls"));
            Path web = home.resolve("web.yml");
            Files.writeString(web, String.join("\n",
                    "tls_server_config:",
                    "  cert_file: " + certificate.certificateFile(),
                    "  key_file: " + certificate.keyFile(),
                    "basic_auth_users:",
                    "  " + USER + ": " + PASSWORD_BCRYPT,
                    ""));
            command.add("--web.config.file=" + web);
            authority = Optional.of(certificate.certificateFile());
            client.sslContext(TrustedCertificates.context(certificate.certificateFile()));
        }
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(home, port, authority, process, client.build());
        try {
            server.awaitReady();
            Eventually.await("Prometheus's first scrape of " + target,
                    () -> server.query("up{job=\"app\"}").path("data").path("result"),
                    result -> result.size() == 1 && result.get(0).path("value").path(1).asText().equals("1"));
            return server;
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /** @return the base URL, https when secured */
    public String url() {
        return (certificateAuthority.isPresent() ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /** @return the CA file that signs a secured server's certificate */
    Path certificateAuthority() {
        return certificateAuthority.orElseThrow(() -> new IllegalStateException("this server serves plain http"));
    }

    /**
     * Asks Prometheus directly, as the tests' own view of what it has scraped.
     *
     * @param promql an expression
     * @return the API's whole answer
     */
    public JsonNode query(String promql) throws Exception {
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)));
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Stops Prometheus with SIGTERM, which it takes as a clean shutdown; kills it if it has not stopped in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    private void awaitReady() throws Exception {
        Eventually.await("prometheus to answer /-/ready", START_PATIENCE, this::readiness,
                answer -> answer.equals("HTTP 200"));
    }

    /** @return what /-/ready answers so far */
    private String readiness() throws Exception {
        if (!process.isAlive()) {
            throw new IllegalStateException("prometheus exited with " + process.exitValue() + " before it was "
                    + "ready; its log:\n" + tail());
        }
        HttpRequest ready = authorized(HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                .timeout(Duration.ofSeconds(10)));
        try {
            HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
            return "HTTP " + answer.statusCode();
        } catch (IOException e) {
            return e.toString(); // not listening yet
        }
    }

    /** @return the request, with the Basic credentials of a secured server */
    private HttpRequest authorized(HttpRequest.Builder request) {
        if (certificateAuthority.isPresent()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("prometheus.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * @return the {@code prometheus} executable: {@code AUTOSCALEBOT_PROMETHEUS}, else the first on the PATH, else
     *     Debian's {@code /usr/bin/prometheus}; empty when there is none
     */
    public static Optional<Path> find() {
        String configured = System.getenv("AUTOSCALEBOT_PROMETHEUS");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        List<Path> candidates = new ArrayList<>();
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty()) {
                candidates.add(Path.of(folder, "prometheus"));
            }
        }
        candidates.add(Path.of("/usr/bin/prometheus"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
