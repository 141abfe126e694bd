package io.autoscalebot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON contract of docs/app-probe.md, over real HTTP on loopback, read the way app-decision reads it. */
class ProbeHttpTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private static HttpServer server;
    private static ExecutorService executor;
    private static HttpClient client;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_764_640_800L));

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Several threads, as docs/app-probe.md asks: the JDK's default runs one request at a time.
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    // Each test mounts its own paths on the shared server, so its figures are its own.
    private static String mount(String name, HttpHandler handler) {
        String path = "/" + CONTEXTS.incrementAndGet() + "/" + name;
        server.createContext(path, handler);
        return path;
    }

    private static HttpResponse<String> get(String pathAndQuery, String requestStart) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (requestStart != null) {
            request.header("X-Request-Start", requestStart);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static URI address(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JACKSON.readTree(response.body());
    }

    private static HttpHandler ok() {
        return exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        };
    }

    @Test
    void servesQueueTimeFromEveryHeaderFormatAtTheDocumentedPointers() throws IOException {
        QueueTime queueTime = QueueTime.create(clock);
        String app = mount("app", queueTime.wrap(ok()));
        String probe = mount("probe", Probe.builder().check("cache", () -> { }).queueTime(queueTime).build().handler());
        long now = clock.millis();

        get(app, Long.toString(now - 40));                                  // Heroku, milliseconds
        get(app, "t=" + (now - 10) * 1000);                                 // Render, microseconds
        get(app, "t=" + (now - 200) * 1_000_000);                           // nanoseconds
        get(app, String.format("t=%d.%03d", (now - 30) / 1000, (now - 30) % 1000)); // NGINX, seconds
        get(app, Long.toString(now + 5));                                   // the router's clock ahead
        get(app, "garbage");
        get(app, null);

        HttpResponse<String> response = get(probe + "?checks=none", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(body.at("/ok").booleanValue()).isTrue();
        assertThat(body.at("/checks").size()).isZero();
        assertThat(body.at("/in_flight").intValue()).isZero();
        assertThat(body.at("/queue_time_ms/count").intValue()).isEqualTo(5);
        assertThat(body.at("/queue_time_ms/p50").doubleValue()).isEqualTo(30.0);
        assertThat(body.at("/queue_time_ms/p95").doubleValue()).isEqualTo(200.0);
        assertThat(body.at("/queue_time_ms/max").doubleValue()).isEqualTo(200.0);
        assertThat(body.at("/queue_time_ms/window_s").intValue()).isEqualTo(60);
        assertThat(body.at("/queue_time_ms/negative_clamped").longValue()).isEqualTo(1);
        assertThat(body.at("/queue_time_ms/garbage_ignored").longValue()).isEqualTo(1);
        assertThat(body.at("/queue_time_ms/without_header").longValue()).isEqualTo(1);
    }

    @Test
    void answers200WithEachCheckWhenAllPass() throws IOException {
        String probe = mount("probe", Probe.builder().check("database", () -> { }).check("disk", () -> { })
                .build().handler());

        HttpResponse<String> response = get(probe, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/ok").booleanValue()).isTrue();
        assertThat(body.at("/total_ms").isNumber()).isTrue();
        assertThat(body.at("/checks/database/ok").booleanValue()).isTrue();
        assertThat(body.at("/checks/database/ms").isNumber()).isTrue();
        assertThat(body.at("/checks/disk/ok").booleanValue()).isTrue();
        assertThat(body.at("/checks/disk/error").isMissingNode()).isTrue();
    }

    @Test
    void answers503WhenACheckFailsSoResponseTimeCountsItFailed() throws IOException {
        String probe = mount("probe", Probe.builder()
                .check("database", () -> {
                    throw new IllegalStateException("pool exhausted for postgres://app:s3cret@db/app");
                })
                .check("disk", () -> { })
                .build().handler());

        HttpResponse<String> response = get(probe, null);

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = json(response);
        assertThat(body.at("/ok").booleanValue()).isFalse();
        assertThat(body.at("/checks/database/ok").booleanValue()).isFalse();
        assertThat(body.at("/checks/database/error").textValue()).isEqualTo("threw java.lang.IllegalStateException");
        assertThat(body.at("/checks/disk/ok").booleanValue()).isTrue();
        assertThat(response.body()).doesNotContain("s3cret", "postgres", "\tat ");
    }

    @Test
    void countsRequestsInFlightWhileTheAppServesThem() throws Exception {
        QueueTime queueTime = QueueTime.create(clock);
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        String app = mount("app", queueTime.wrap(exchange -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }));
        String probe = mount("probe", Probe.builder().queueTime(queueTime).build().handler());

        CompletableFuture<HttpResponse<Void>> first = client.sendAsync(HttpRequest.newBuilder(address(app)).build(),
                HttpResponse.BodyHandlers.discarding());
        CompletableFuture<HttpResponse<Void>> second = client.sendAsync(HttpRequest.newBuilder(address(app)).build(),
                HttpResponse.BodyHandlers.discarding());
        entered.await();
        try {
            assertThat(json(get(probe, null)).at("/in_flight").intValue()).isEqualTo(2);
        } finally {
            release.countDown();
        }
        assertThat(first.get().statusCode()).isEqualTo(204);
        assertThat(second.get().statusCode()).isEqualTo(204);
        // The client may see the response before the wrapper's finally block has run on the server's thread.
        Eventually.until("both requests are over", () -> queueTime.inFlight() == 0);
        assertThat(json(get(probe, null)).at("/in_flight").intValue()).isZero();
    }

    @Test
    void answersHeadWithTheStatusOnly() {
        String probe = mount("probe", Probe.builder().check("cache", () -> {
            throw new IOException("down");
        }).build().handler());

        HttpResponse<String> response = send(HttpRequest.newBuilder(address(probe))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void refusesOtherMethodsAndUnknownChecksValues() {
        String probe = mount("probe", Probe.builder().build().handler());

        HttpResponse<String> post = send(HttpRequest.newBuilder(address(probe))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");

        HttpResponse<String> unknown = get(probe + "?checks=some", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("checks must be all or none");
    }
}
