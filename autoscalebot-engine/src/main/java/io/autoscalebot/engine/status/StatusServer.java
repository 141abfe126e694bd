package io.autoscalebot.engine.status;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.autoscalebot.engine.config.ServerConfig;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The status server of {@code [server]}: the dashboard on {@code /}, {@code /healthz}, {@code /readyz}, {@code /status}
 * and {@code /metrics} on the JDK's HTTP server, with two threads whatever the number of groups or clients. With a token, every path asks for
 * {@code Authorization: Bearer TOKEN} (compared in constant time) and answers 401 otherwise; the token is never
 * written anywhere.
 */
public final class StatusServer implements AutoCloseable {

    /** Threads that answer requests: a scrape and a person looking at /status at once. */
    static final int THREADS = 2;
    /** The name prefix of those threads. */
    public static final String THREAD_PREFIX = "autoscalebot-status-";

    private final HttpServer server;
    private final ExecutorService pool;

    private StatusServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Binds and starts serving.
     *
     * @param config where to listen and the token to ask for
     * @param status writes /status
     * @param dashboard writes the dashboard, /
     * @param metrics what /metrics shows
     * @param role whether the instance scales, for /readyz
     * @return the running server
     * @throws ServerStartException when the address cannot be bound (in use, not this host's), in words for the user
     */
    public static StatusServer start(ServerConfig config, Supplier<String> status, Supplier<String> dashboard,
                                     EngineMetrics metrics, Role role) throws ServerStartException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        } catch (BindException e) {
            throw new ServerStartException("cannot listen on " + config.listen() + " ([server] listen): "
                    + (e.getMessage() != null && e.getMessage().contains("in use")
                    ? "the port is in use by another process; stop it or choose another port"
                    : e.getMessage() + "; use an address of this host"));
        } catch (IOException e) {
            throw new ServerStartException("cannot listen on " + config.listen() + " ([server] listen): " + e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(pool);
        Filter auth = new BearerFilter(config.token());
        server.createContext("/healthz", text(() -> new Answer(200, "ok\n"))).getFilters().add(auth);
        server.createContext("/readyz", text(() -> role.current()
                .map(current -> new Answer(200, "ready: " + current + "\n"))
                .orElse(new Answer(503, "not ready: the instance's role is not known yet\n")))).getFilters().add(auth);
        server.createContext("/status", exchange -> send(exchange, 200, "application/json", status.get()))
                .getFilters().add(auth);
        MetricsHandler prometheus = new MetricsHandler(metrics.registry());
        server.createContext("/metrics", exchange -> {
            metrics.leader(role.scales());
            prometheus.handle(exchange);
        }).getFilters().add(auth);
        // "/" matches every path no other context takes: only "/" itself is the dashboard.
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/")) {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                send(exchange, 200, "text/html; charset=utf-8", dashboard.get());
            } else {
                send(exchange, 404, "text/plain; charset=utf-8",
                        "not found: try /, /status, /metrics, /healthz or /readyz\n");
            }
        }).getFilters().add(auth);
        metrics.leader(role.scales());
        server.start();
        return new StatusServer(server, pool);
    }

    /** @return the port it listens on (the one picked when the configuration said 0) */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops answering, giving a running answer a second. */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int code, String body) {
    }

    private static HttpHandler text(Supplier<Answer> answer) {
        return exchange -> {
            Answer a = answer.get();
            send(exchange, a.code(), "text/plain; charset=utf-8", a.body());
        };
    }

    private static void send(HttpExchange exchange, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    /** Asks for the bearer token when there is one; lets everything through on loopback without one. */
    private static final class BearerFilter extends Filter {
        private final Optional<byte[]> expected;

        BearerFilter(Optional<String> token) {
            this.expected = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (expected.isPresent()) {
                String given = exchange.getRequestHeaders().getFirst("Authorization");
                if (given == null || !MessageDigest.isEqual(expected.get(), given.getBytes(StandardCharsets.UTF_8))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"autoscalebot\"");
                    send(exchange, 401, "text/plain; charset=utf-8",
                            "unauthorized: send the [server] token as Authorization: Bearer TOKEN\n");
                    return;
                }
            }
            chain.doFilter(exchange);
        }

        @Override
        public String description() {
            return "bearer token";
        }
    }
}
