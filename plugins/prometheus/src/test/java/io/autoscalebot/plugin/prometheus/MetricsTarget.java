package io.autoscalebot.plugin.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The app Prometheus scrapes: {@code /metrics} in Prometheus's text exposition format, written here from the series
 * the tests set. The same server is also what a user's mistaken {@code url} would reach: an app that is not
 * Prometheus ({@code /api/v1/query} is not found), an API that answers other JSON ({@code /other-api}), and one that
 * never answers ({@code /hung}).
 */
final class MetricsTarget implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Map<String, String>> families = new TreeMap<>();

    MetricsTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4", exposition()));
        server.createContext("/other-api/api/v1/query", exchange -> respond(exchange, 200, "application/json",
                "{\"data\":[1,2,3],\"ok\":true}"));
        server.createContext("/hung/api/v1/query", exchange -> {
            try {
                closing.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/json", "{}");
        });
        server.start();
    }

    /** @return the base URL */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return {@code 127.0.0.1:PORT}, as a scrape configuration names it */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Sets a gauge's sample, served from the next scrape on.
     *
     * @param name the metric name
     * @param labels the labels as written in the exposition, like {@code queue="emails"}; empty for none
     * @param value the value as written in the exposition: {@code 3}, {@code NaN}, {@code +Inf}
     */
    synchronized void gauge(String name, String labels, String value) {
        families.computeIfAbsent(name, family -> new TreeMap<>()).put(labels, value);
    }

    private synchronized String exposition() {
        StringBuilder text = new StringBuilder();
        families.forEach((name, samples) -> {
            text.append("# TYPE ").append(name).append(" gauge\n");
            samples.forEach((labels, value) -> text.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}")
                    .append(' ').append(value).append('\n'));
        });
        return text.toString();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
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
