package io.autoscalebot.plugin.responsetime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 with an app's health endpoints: {@code /health} answers at once, {@code /slow} after
 * {@link #SLOW_MILLIS}, {@code /down} with a 503 as a proxy does for an app that is down, {@code /hang} not until the
 * server closes, {@code /trickle} with its headers and the start of a body whose end does not come until the server
 * closes, {@code /private} only with HTTP Basic credentials, {@code /files/...} at once, keeping the raw path and query
 * it was asked for.
 */
final class HealthServer implements AutoCloseable {

    static final long SLOW_MILLIS = 300;
    static final String BASIC_USER_PASSWORD = "Basic dXNlcjpzM2NyZXQ="; // user:s3cret

    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> rawRequests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);

    HealthServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/health", exchange -> respond(exchange, 200, "ok"));
        server.createContext("/slow", exchange -> {
            awaitClosing(SLOW_MILLIS);
            respond(exchange, 200, "ok, slowly");
        });
        server.createContext("/down", exchange -> respond(exchange, 503, "Service Unavailable"));
        server.createContext("/hang", exchange -> {
            awaitClosing(TimeUnit.MINUTES.toMillis(1));
            respond(exchange, 200, "too late");
        });
        server.createContext("/trickle", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0); // chunked: the body ends when the handler closes it
                out.write("still working".getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitClosing(TimeUnit.MINUTES.toMillis(1));
            } catch (IOException e) {
                // the client gave up: nothing more to send
            }
        });
        server.createContext("/files", exchange -> {
            rawRequests.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            respond(exchange, 200, "a file");
        });
        server.createContext("/private", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            if (BASIC_USER_PASSWORD.equals(authorization)) {
                respond(exchange, 200, "welcome");
            } else {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"health\"");
                respond(exchange, 401, "Unauthorized");
            }
        });
        server.start();
    }

    /** @return {@code http://127.0.0.1:PORT} */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the base URL with credentials: {@code http://user:s3cret@127.0.0.1:PORT} */
    String baseWithCredentials() {
        return "http://user:s3cret@127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Delays a response like a loaded app; ends early when the server closes so no handler outlives a test. */
    private void awaitClosing(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }
}
