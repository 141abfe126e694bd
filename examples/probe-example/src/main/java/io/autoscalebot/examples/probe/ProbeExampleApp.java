package io.autoscalebot.examples.probe;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.autoscalebot.probe.Probe;
import io.autoscalebot.probe.QueueTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small web app on the JDK's HTTP server with the autoscalebot probe wired in: every request's queue time is
 * recorded, and {@code /autoscale/probe} times a cache read and a disk write.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * PORT=8700 java -cp autoscalebot-probe/target/classes:examples/probe-example/target/classes \
 *     io.autoscalebot.examples.probe.ProbeExampleApp
 * curl -H "X-Request-Start: t=$(date +%s.%N)" http://127.0.0.1:8700/
 * curl http://127.0.0.1:8700/autoscale/probe
 * </pre>
 */
public final class ProbeExampleApp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private ProbeExampleApp(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Serves on {@code HOST:PORT} (default 127.0.0.1:8080; set HOST=0.0.0.0 on a PaaS) until killed.
     *
     * @param args none
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        ProbeExampleApp app = start(new InetSocketAddress(host, port), Clock.systemUTC(),
                Files.createTempDirectory("probe-example"));
        System.out.println("Serving http://" + host + ":" + app.port() + "/ with the probe at /autoscale/probe");
    }

    /**
     * @param address where to listen
     * @param clock the clock queue times are measured against: the system clock, except in tests
     * @param scratch a directory the disk check may write in
     * @return the running app
     * @throws IOException when the address cannot be bound
     */
    public static ProbeExampleApp start(InetSocketAddress address, Clock clock, Path scratch) throws IOException {
        Map<String, String> cache = new ConcurrentHashMap<>(Map.of("greeting", "Hello from the probe example\n"));
        Path diskCheckFile = scratch.resolve("probe-disk-check");

        QueueTime queueTime = QueueTime.create(clock);
        Probe probe = Probe.builder()
                // What this app's requests wait on. A real app adds its database: () -> dataSource query "SELECT 1".
                .check("cache", Duration.ofMillis(500), () -> {
                    if (cache.get("greeting") == null) {
                        throw new IllegalStateException("the cache lost its greeting");
                    }
                })
                .check("disk", Duration.ofSeconds(2), () -> Files.writeString(diskCheckFile,
                        clock.instant().toString(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.DSYNC))
                .queueTime(queueTime)
                .build();

        HttpServer server = HttpServer.create(address, 0);
        // The JDK server's default executor serves one request at a time: the probe would wait behind the app.
        ExecutorService threads = Executors.newFixedThreadPool(16);
        server.setExecutor(threads);
        server.createContext("/", queueTime.wrap(greeting(cache)));
        server.createContext("/autoscale/probe", probe.handler());
        server.start();
        return new ProbeExampleApp(server, threads);
    }

    private static HttpHandler greeting(Map<String, String> cache) {
        return exchange -> {
            byte[] body = cache.get("greeting").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** @return the port the app listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving and waits for the server's threads to end. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
