package io.autoscalebot.plugin.appdecision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for the app: it answers {@code GET /autoscale} with what the test set,
 * and, when a token is required, {@code 401} with a {@code WWW-Authenticate} challenge to a request without it
 * (RFC 6750).
 */
final class AppServer implements AutoCloseable {

    static final String PATH = "/autoscale";

    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile Map<String, String> headers = Map.of();
    private volatile String requiredToken;
    private volatile boolean stalled;
    private volatile boolean bodyStalled;
    private volatile String lastAuthorization;
    private volatile String lastAccept;
    private final AtomicInteger requests = new AtomicInteger();

    AppServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** @return the endpoint's URL */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Answers every request with this status, body and headers. */
    AppServer answer(int newStatus, String newBody, Map<String, String> newHeaders) {
        status = newStatus;
        body = newBody;
        headers = new LinkedHashMap<>(newHeaders);
        return this;
    }

    /** Answers every request with 200 and this JSON. */
    AppServer answer(String json) {
        return answer(200, json, Map.of("Content-Type", "application/json"));
    }

    /** Refuses any request without {@code Authorization: Bearer <token>}. */
    AppServer requireToken(String token) {
        requiredToken = token;
        return this;
    }

    /** Holds every answer back until {@link #close()}, to exceed the client's timeout. */
    AppServer stall() {
        stalled = true;
        return this;
    }

    /** @return the Authorization header of the last request, if it had one */
    Optional<String> lastAuthorization() {
        return Optional.ofNullable(lastAuthorization);
    }

    /** Sends the headers and the start of a JSON body, then holds the rest back until {@link #close()}. */
    AppServer stallBody() {
        bodyStalled = true;
        return this;
    }

    /** @return how many requests reached the server */
    int requests() {
        return requests.get();
    }

    /** @return the Accept header of the last request */
    String lastAccept() {
        return lastAccept;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            requests.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastAccept = exchange.getRequestHeaders().getFirst("Accept");
            if (stalled) {
                awaitRelease();
            }
            if (bodyStalled) {
                sendHalf(exchange);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\": \"method not allowed\"}", Map.of("Allow", "GET"));
            } else if (requiredToken != null && !("Bearer " + requiredToken).equals(lastAuthorization)) {
                send(exchange, 401, "{\"error\": \"invalid_token\"}",
                        Map.of("WWW-Authenticate", "Bearer realm=\"app\", error=\"invalid_token\""));
            } else {
                send(exchange, status, body, headers);
            }
        } finally {
            exchange.close();
        }
    }

    private void awaitRelease() {
        try {
            // Bounded, so a test that forgets to close cannot hang the build.
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendHalf(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // Length 0: chunked, so the first chunk goes out on flush while the body is still open.
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("{\"depth\": ".getBytes(StandardCharsets.UTF_8));
        out.flush();
        awaitRelease();
    }

    private static void send(HttpExchange exchange, int code, String text, Map<String, String> extra)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        extra.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
