package io.autoscalebot.plugin.rabbitmq;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A server on 127.0.0.1 that answers what a real broker never does, or what a wrong server or a proxy in front of one
 * would: whatever the test sets, for every path.
 */
final class MisbehavingServer implements AutoCloseable {

    /** What to answer. */
    interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);

    MisbehavingServer(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer.send(exchange);
            }
        });
        server.start();
    }

    /** @return an answer with a status and a body */
    static Answer status(int status, String contentType, String body) {
        return exchange -> respond(exchange, status, contentType, body);
    }

    /** @return the base URL */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Blocks a handler until the server closes, as a hung broker would; bounded so a test bug cannot hang the build. */
    void hang() {
        try {
            closing.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
