package io.autoscalebot.plugin.rabbitmq;

import io.autoscalebot.testkit.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real rabbitmq-server with the management and STOMP plugins, on loopback only, in a folder under {@code target/},
 * plus the administrator's side of the management API, which arranges vhosts, users, queues and messages without an
 * AMQP client.
 *
 * <p>Every listener is on 127.0.0.1 and on a port of its own: AMQP, management (plain and TLS), STOMP, Erlang
 * distribution and a private epmd, which this class starts itself so it can stop it too (an epmd the broker starts
 * outlives it). {@code collect_statistics_interval} is 500 ms instead of 5 s, so the sampled figures the plugin reads
 * follow the tests' changes quickly; tests still wait for them by polling, never by sleeping.
 */
final class RabbitMqBroker implements AutoCloseable {

    /** RabbitMQ's built-in administrator, who may log in from loopback only, which is where the tests are. */
    static final String ADMIN = "guest";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

    private final Path home;
    private final Ports ports;
    private final Process epmd;
    private final Process server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Thread killOnExit = new Thread(this::killNow, "rabbitmq-test-kill");

    /**
     * The ports of one broker.
     *
     * @param amqp AMQP 0-9-1, which the plugin must not be pointed at
     * @param management the management API over HTTP
     * @param managementTls the management API over HTTPS, with {@link TestCertificate}
     * @param stomp STOMP, which tests use to consume without acknowledging
     * @param distribution Erlang distribution, for rabbitmqctl
     * @param epmd the private Erlang port mapper
     */
    record Ports(int amqp, int management, int managementTls, int stomp, int distribution, int epmd) {
    }

    private RabbitMqBroker(Path home, Ports ports, Process epmd, Process server) {
        this.home = home;
        this.ports = ports;
        this.epmd = epmd;
        this.server = server;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a broker and waits until every listener is up.
     *
     * @param script the {@code rabbitmq-server} script to run (not Debian's /usr/sbin wrapper, which switches user)
     * @param epmdBinary Erlang's {@code epmd}
     * @param home an empty folder for the broker's configuration, data and logs
     * @return the running broker
     */
    static RabbitMqBroker start(Path script, Path epmdBinary, Path home) throws Exception {
        Files.createDirectories(home.resolve("home"));
        Ports ports = new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        TestCertificate certificate = TestCertificate.create(home.resolve("tls"));
        Path config = home.resolve("rabbitmq.conf");
        Files.writeString(config, String.join("\n",
                "listeners.tcp.default = 127.0.0.1:" + ports.amqp(),
                "management.tcp.ip = 127.0.0.1",
                "management.tcp.port = " + ports.management(),
                "management.ssl.ip = 127.0.0.1",
                "management.ssl.port = " + ports.managementTls(),
                "management.ssl.certfile = " + certificate.certificateFile(),
                "management.ssl.keyfile = " + certificate.keyFile(),
                "stomp.listeners.tcp.1 = 127.0.0.1:" + ports.stomp(),
                "distribution.listener.interface = 127.0.0.1",
                "distribution.listener.port_range.min = " + ports.distribution(),
                "distribution.listener.port_range.max = " + ports.distribution(),
                // The figures the plugin reads are sampled; every 500 ms instead of every 5 s keeps tests quick.
                "collect_statistics_interval = 500",
                ""));
        Files.writeString(home.resolve("enabled_plugins"), "[rabbitmq_management,rabbitmq_stomp].\n");

        Process epmd = new ProcessBuilder(epmdBinary.toString(), "-port", String.valueOf(ports.epmd()),
                "-address", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(home.resolve("epmd.log").toFile()).start();
        Process server = null;
        try {
            awaitListening(ports.epmd(), epmd, home.resolve("epmd.log"));
            ProcessBuilder builder = new ProcessBuilder(script.toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("RABBITMQ_") || name.startsWith("ERL_"));
            env.put("HOME", home.resolve("home").toString()); // the Erlang cookie lives there
            env.put("RABBITMQ_NODENAME", "autoscalebot-test-" + ProcessHandle.current().pid() + "@localhost");
            env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
            env.put("RABBITMQ_NODE_PORT", String.valueOf(ports.amqp()));
            env.put("RABBITMQ_DIST_PORT", String.valueOf(ports.distribution()));
            env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
            env.put("ERL_EPMD_PORT", String.valueOf(ports.epmd()));
            env.put("RABBITMQ_CONFIG_FILE", config.toString());
            env.put("RABBITMQ_ADVANCED_CONFIG_FILE", home.resolve("advanced.config").toString());
            env.put("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString());
            env.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
            env.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
            env.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
            env.put("RABBITMQ_LOGS", "-"); // to server.log through standard output
            server = builder.start();
            RabbitMqBroker broker = new RabbitMqBroker(home, ports, epmd, server);
            broker.awaitReady();
            return broker;
        } catch (Exception | AssertionError e) {
            if (server != null) {
                server.destroyForcibly();
                server.descendants().forEach(ProcessHandle::destroyForcibly);
            }
            epmd.destroyForcibly();
            throw e;
        }
    }

    /** @return the management API's base URL over HTTP */
    String managementUrl() {
        return "http://127.0.0.1:" + ports.management();
    }

    /** @return the management API's base URL over HTTPS */
    String managementTlsUrl() {
        return "https://127.0.0.1:" + ports.managementTls();
    }

    /** @return the CA file that signs the HTTPS listener's certificate */
    Path certificateAuthority() {
        return TestCertificate.certificateFile(home.resolve("tls"));
    }

    /** @return the ports the broker listens on */
    Ports ports() {
        return ports;
    }

    /** Creates a vhost; the administrator gets full rights on it. */
    void createVhost(String vhost) throws Exception {
        expect(201, "PUT", "/api/vhosts/" + PathSegment.encode(vhost), null);
    }

    /** Deletes a vhost and everything in it. */
    void deleteVhost(String vhost) throws Exception {
        expect(204, "DELETE", "/api/vhosts/" + PathSegment.encode(vhost), null);
    }

    /**
     * @param tags RabbitMQ user tags, like {@code monitoring}; empty for none
     */
    void createUser(String name, String password, String tags) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("password", password).put("tags", tags);
        expect(201, "PUT", "/api/users/" + PathSegment.encode(name), body);
    }

    /** Grants a user a vhost with the given configure, write and read patterns ({@code ""} grants access only). */
    void permit(String vhost, String user, String configure, String write, String read) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("configure", configure).put("write", write).put("read", read);
        expect(201, "PUT", "/api/permissions/" + PathSegment.encode(vhost) + "/" + PathSegment.encode(user), body);
    }

    /** Declares a classic, non-durable queue. */
    void declareQueue(String vhost, String queue) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("durable", false).put("auto_delete", false);
        expect(201, "PUT", "/api/queues/" + PathSegment.encode(vhost) + "/" + PathSegment.encode(queue), body);
    }

    /** Publishes messages to a queue through the default exchange, as a producer would. */
    void publish(String vhost, String queue, int messages) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("routing_key", queue).put("payload", "job")
                .put("payload_encoding", "string");
        body.putObject("properties");
        for (int i = 0; i < messages; i++) {
            JsonNode answer = expect(200, "POST", "/api/exchanges/" + PathSegment.encode(vhost) + "/amq.default/publish",
                    body);
            if (!answer.path("routed").asBoolean()) {
                throw new AssertionError("a message to queue '" + queue + "' was not routed: " + answer);
            }
        }
    }

    /**
     * Waits until the management API's sampled figures of a queue are the expected ones: what the plugin reads
     * follows the broker's state only after the next sample.
     */
    void awaitFigures(String vhost, String queue, long ready, long unacknowledged, long consumers) throws Exception {
        String path = "/api/queues/" + PathSegment.encode(vhost) + "/" + PathSegment.encode(queue)
                + "?columns=messages_ready,messages_unacknowledged,consumers";
        Eventually.await("queue '" + queue + "' in vhost '" + vhost + "' to show " + ready + " ready, "
                        + unacknowledged + " unacknowledged, " + consumers + " consumers",
                () -> expect(200, "GET", path, null),
                figures -> figures.path("messages_ready").asLong(-1) == ready
                        && figures.path("messages_unacknowledged").asLong(-1) == unacknowledged
                        && figures.path("consumers").asLong(-1) == consumers);
    }

    /** Stops the broker gracefully (SIGTERM, which its script turns into a clean stop), then the port mapper. */
    @Override
    public void close() {
        List<ProcessHandle> family = new ArrayList<>(server.descendants().toList());
        server.destroy();
        try {
            if (!server.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            epmd.destroy();
            epmd.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            killNow();
            family.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    /** Last resort when the test JVM exits without closing the broker: nothing of it may outlive the build. */
    private void killNow() {
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        epmd.destroyForcibly();
    }

    /** Ready when the management API answers and lists the AMQP, HTTP(S) and STOMP listeners. */
    private void awaitReady() throws Exception {
        Eventually.await("rabbitmq-server to list its amqp, http, https and stomp listeners", START_PATIENCE,
                this::listenerProtocols, protocols -> protocols.containsAll(List.of("amqp", "http", "https", "stomp")));
    }

    /** @return the protocols the broker listens for so far; none while its management API does not answer */
    private List<String> listenerProtocols() throws Exception {
        if (!server.isAlive()) {
            throw new IllegalStateException("rabbitmq-server exited with " + server.exitValue() + " before it was "
                    + "ready; its log:\n" + tail(home.resolve("server.log")));
        }
        List<String> protocols = new ArrayList<>();
        try {
            HttpResponse<String> answer = send("GET", "/api/overview?columns=listeners", null);
            if (answer.statusCode() == 200) {
                JSON.readTree(answer.body()).path("listeners").forEach(l -> protocols.add(l.path("protocol").asText()));
            }
        } catch (IOException e) {
            // not listening yet
        }
        return protocols;
    }

    private JsonNode expect(int status, String method, String path, JsonNode body) throws Exception {
        HttpResponse<String> answer = send(method, path, body);
        // PUT answers 201 for a new object and 204 for an existing one; both mean it is there.
        boolean ok = answer.statusCode() == status || (status == 201 && answer.statusCode() == 204);
        if (!ok) {
            throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + ADMIN).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitListening(int port, Process process, Path log) throws Exception {
        Eventually.await("epmd to listen on port " + port, START_PATIENCE, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("epmd exited with " + process.exitValue() + ": " + tail(log));
            }
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return true;
            } catch (IOException e) {
                return false;
            }
        }, listening -> listening);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
