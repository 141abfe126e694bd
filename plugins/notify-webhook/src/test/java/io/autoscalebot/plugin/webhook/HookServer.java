package io.autoscalebot.plugin.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One webhook receiver on 127.0.0.1 for every test class of the module, started by the first class that asks and
 * stopped when the test run ends: the JDK's own HTTP server, which records every request (method, path, headers,
 * body) and answers with the replies a test queued, 200 "ok" when none is left.
 */
final class HookServer implements BeforeAllCallback {

    private static Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, type -> Server.start(), Server.class);
    }

    /** @return the running server; only inside a class extended with this */
    static Server server() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(HookServer.class)");
        }
        return server;
    }

    /** A request as the server received it; header names in lower case. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        /** @return the one value of a header, or null */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }
    }

    /** What to answer one request with; {@code hang} answers nothing until the test ends. */
    record Reply(int status, String body, Map<String, String> headers, boolean hang) {
    }

    /** The server and what it received. */
    static final class Server implements AutoCloseable {

        private final HttpServer http;
        private final ExecutorService threads;
        private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch released = new CountDownLatch(1);

        private Server(HttpServer http, ExecutorService threads) {
            this.http = http;
            this.threads = threads;
        }

        static Server start() {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
                // A thread per exchange: a hanging reply must not hold up the next test's requests.
                ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "hook-server");
                    thread.setDaemon(true);
                    return thread;
                });
                Server server = new Server(http, threads);
                http.createContext("/", server::handle);
                http.setExecutor(threads);
                http.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the webhook receiver", e);
            }
        }

        /** Forgets what was received and queued, and lets any hanging request go. */
        void reset() {
            released.countDown();
            released = new CountDownLatch(1);
            replies.clear();
            received.clear();
        }

        /** Queues the answer to the next request that has none yet. */
        void reply(int status, String body, Map<String, String> headers) {
            replies.add(new Reply(status, body, headers, false));
        }

        /** Queues the same answer for the next {@code times} requests. */
        void reply(int times, int status, String body) {
            for (int i = 0; i < times; i++) {
                reply(status, body, Map.of());
            }
        }

        /** The next request gets no answer until the next {@link #reset()}. */
        void hang() {
            replies.add(new Reply(0, "", Map.of(), true));
        }

        /** @return {@code http://127.0.0.1:PORT} followed by the path */
        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + pathAndQuery;
        }

        /** @return every request since the last reset, in order */
        List<Received> received() {
            return new ArrayList<>(received);
        }

        @Override
        public void close() {
            released.countDown();
            http.stop(0);
            threads.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        headers, body));
                Reply reply = replies.poll();
                if (reply == null) {
                    reply = new Reply(200, "ok", Map.of(), false);
                }
                if (reply.hang()) {
                    CountDownLatch hold = released;
                    hold.await(60, TimeUnit.SECONDS);
                    return;
                }
                reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
