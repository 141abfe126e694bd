package io.autoscalebot.plugin.heroku;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Heroku Platform API, its log sessions and an app behind its router, on 127.0.0.1.
 *
 * <p>It follows the documented API: {@code GET}/{@code PATCH /apps/{app}/formation/{type}}, {@code POST
 * /apps/{app}/log-sessions} (201 with a {@code logplex_url}), error bodies {@code {"id": ..., "message": ...}}, a
 * {@code RateLimit-Remaining} header on every answer (one token per request, 429 {@code rate_limit} when spent), 401
 * {@code unauthorized} for a wrong bearer token. It is stricter than Heroku on headers: a request without the v3
 * {@code Accept}, or a body without {@code Content-Type: application/json}, gets a 400 and is listed in
 * {@link #protocolViolations()}.
 *
 * <p>Requests to {@link #appUrl(String)} play the app: they answer 200 and, a little later, the router line for their
 * {@code X-Request-ID} (after a line of someone else's request) goes to every open log stream, as Heroku's router does.
 *
 * <p>JDK only. The module's test-jar shares it with the distribution's end-to-end tests, which can also make the
 * app answer slowly ({@link #appLatency}), for a response-time measure to find it slow.
 */
public final class FakeHerokuApi implements AutoCloseable {

    /** The v3 media type every API request must accept. */
    public static final String ACCEPT = "application/vnd.heroku+json; version=3";

    private static final Pattern FORMATION = Pattern.compile("/apps/([^/]+)/formation/([^/]+)");
    private static final Pattern LOG_SESSIONS = Pattern.compile("/apps/([^/]+)/log-sessions");
    private static final Pattern QUANTITY = Pattern.compile("\"quantity\"\\s*:\\s*(-?\\d+)");
    private static final long ROUTER_DELAY_MILLIS = 50;
    private static final long STREAM_LIFETIME_MILLIS = 30_000;
    private static final long HEARTBEAT_MILLIS = 50;

    /** One request as the fake received it; header names are lower case. */
    public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {

        /** @return the value of a header, or null */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Failure(int status, String id, String message, String retryAfter) {
    }

    private final String app;
    private final String token;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService router = Executors.newSingleThreadScheduledExecutor();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<String>> openStreams = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> formation = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private int rateLimitRemaining = 4500;
    private int maxQuantity = 100;
    private volatile long serviceMillis = 37;
    private volatile boolean routerLogs = true;
    private volatile boolean holdLogStreamHeaders;
    private volatile long appLatencyMillis;
    private volatile boolean closed;

    private FakeHerokuApi(String app, String token) throws IOException {
        this.app = app;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a fake with one app whose {@code web} formation runs 1 dyno.
     *
     * @param app the app's name
     * @param token the only token it accepts
     * @return the running fake; close it
     * @throws IOException if no port could be bound
     */
    public static FakeHerokuApi start(String app, String token) throws IOException {
        FakeHerokuApi fake = new FakeHerokuApi(app, token);
        fake.formation("web", 1);
        return fake;
    }

    /** @return the API's base URL, for the {@code api_url} setting */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return a URL of the app behind the router, for the {@code url} setting */
    public URI appUrl(String path) {
        return baseUri().resolve("/app" + (path.startsWith("/") ? path : "/" + path));
    }

    /** Sets a process type's quantity, as a hand scale ({@code heroku ps:scale}) would. */
    public synchronized void formation(String type, int quantity) {
        formation.put(type, quantity);
    }

    /** @return a process type's quantity, or -1 when the app has no such process type */
    public synchronized int quantity(String type) {
        return formation.getOrDefault(type, -1);
    }

    /** Sets the account's remaining API requests; each API request then spends one. */
    public synchronized void rateLimitRemaining(int remaining) {
        this.rateLimitRemaining = remaining;
    }

    /** Sets the largest quantity a scale may ask; more gets 422 {@code cannot_scale}. */
    public synchronized void maxQuantity(int max) {
        this.maxQuantity = max;
    }

    /** Makes the next API request fail with this status and error body. */
    public synchronized void failNext(int status, String id, String message) {
        failures.add(new Failure(status, id, message, null));
    }

    /** Makes the next API request fail with this status, error body and {@code Retry-After} header. */
    public synchronized void failNext(int status, String id, String message, String retryAfter) {
        failures.add(new Failure(status, id, message, retryAfter));
    }

    /** Sets the {@code service} time the router logs for app requests. */
    public void serviceMillis(long millis) {
        this.serviceMillis = millis;
    }

    /** Turns the router's log lines for app requests on or off. */
    public void routerLogs(boolean on) {
        this.routerLogs = on;
    }

    /** Makes the app take this long to answer each request, as an overloaded app does. */
    public void appLatency(java.time.Duration latency) {
        this.appLatencyMillis = latency.toMillis();
    }

    /** Makes log streams wait before answering their headers, as a slow logplex would, until turned off. */
    public void holdLogStreamHeaders(boolean hold) {
        this.holdLogStreamHeaders = hold;
    }

    /** @return how many log streams are connected; a stream counts from its request until the client closes it */
    public int openLogStreams() {
        return openStreams.size();
    }

    /** @return every request received, in order */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the API requests received, in order (the app's and log streams' left out) */
    public List<RecordedRequest> apiRequests() {
        return requests.stream().filter(r -> r.path().startsWith("/apps/")).toList();
    }

    /** @return what requests did against the documented protocol; empty when all was well */
    public List<String> protocolViolations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        router.shutdownNow();
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            String path = request.path();
            if (path.startsWith("/app/")) {
                serveApp(exchange, request);
            } else if (path.startsWith("/sessions/")) {
                streamLog(exchange, path.substring("/sessions/".length()));
            } else {
                serveApi(exchange, request);
            }
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(headers), body);
        requests.add(request);
        return request;
    }

    private void serveApi(HttpExchange exchange, RecordedRequest request) throws IOException {
        int remaining;
        Failure failure;
        synchronized (this) {
            remaining = rateLimitRemaining = Math.max(0, rateLimitRemaining - 1);
            failure = failures.poll();
        }
        exchange.getResponseHeaders().set("RateLimit-Remaining", String.valueOf(remaining));
        exchange.getResponseHeaders().set("Request-Id", UUID.randomUUID().toString());
        if (!("Bearer " + token).equals(request.header("Authorization"))) {
            error(exchange, new Failure(401, "unauthorized", "Invalid credentials provided.", null));
        } else if (!ACCEPT.equals(request.header("Accept"))) {
            violation(exchange, request, "Accept must be '" + ACCEPT + "', got '" + request.header("Accept") + "'");
        } else if (!request.body().isEmpty() && !"application/json".equals(request.header("Content-Type"))) {
            violation(exchange, request, "a JSON body needs Content-Type application/json, got '"
                    + request.header("Content-Type") + "'");
        } else if (failure != null) {
            error(exchange, failure);
        } else if (remaining == 0) {
            error(exchange, new Failure(429, "rate_limit", "Your account reached the API rate limit\n"
                    + "Please wait a few minutes before making new requests", null));
        } else {
            route(exchange, request);
        }
    }

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        Matcher formationPath = FORMATION.matcher(request.path());
        Matcher logSessionsPath = LOG_SESSIONS.matcher(request.path());
        if (formationPath.matches() && formationPath.group(1).equals(app)) {
            serveFormation(exchange, request, formationPath.group(2));
        } else if (logSessionsPath.matches() && logSessionsPath.group(1).equals(app)
                && request.method().equals("POST")) {
            String id = UUID.randomUUID().toString();
            sessions.add(id);
            json(exchange, 201, "{\"created_at\": \"" + Instant.now() + "\", \"id\": \"" + id
                    + "\", \"logplex_url\": \"" + baseUri() + "/sessions/" + id + "?srv=1\", \"updated_at\": \""
                    + Instant.now() + "\"}");
        } else if (formationPath.matches() || logSessionsPath.matches()) {
            error(exchange, new Failure(404, "not_found", "Couldn't find that app.", null));
        } else {
            error(exchange, new Failure(404, "not_found", "The requested API endpoint was not found. Are you using"
                    + " the right HTTP verb (i.e. `GET` vs. `POST`), and did you set your `Accept` header properly?",
                    null));
        }
    }

    private void serveFormation(HttpExchange exchange, RecordedRequest request, String type) throws IOException {
        synchronized (this) {
            if (!formation.containsKey(type)) {
                error(exchange, new Failure(404, "not_found", "Couldn't find that formation.", null));
                return;
            }
            if (request.method().equals("PATCH")) {
                Matcher quantity = QUANTITY.matcher(request.body());
                if (!quantity.find()) {
                    error(exchange, new Failure(422, "invalid_params", "Invalid params: quantity", null));
                    return;
                }
                int wanted = Integer.parseInt(quantity.group(1));
                if (wanted > maxQuantity) {
                    error(exchange, new Failure(422, "cannot_scale", "Cannot update to more than " + maxQuantity
                            + " Standard-1X size dynos per process type.", null));
                    return;
                }
                formation.put(type, wanted);
            } else if (!request.method().equals("GET")) {
                error(exchange, new Failure(405, "method_not_allowed", "Method not allowed.", null));
                return;
            }
            json(exchange, 200, "{\"app\": {\"name\": \"" + app + "\", \"id\": \"01234567-89ab-cdef-0123-456789abcdef\"},"
                    + " \"command\": \"bundle exec puma\", \"created_at\": \"2026-01-01T12:00:00Z\","
                    + " \"id\": \"11234567-89ab-cdef-0123-456789abcdef\", \"quantity\": " + formation.get(type) + ","
                    + " \"size\": \"standard-1X\", \"type\": \"" + type + "\", \"updated_at\": \"" + Instant.now()
                    + "\"}");
        }
    }

    private void serveApp(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (appLatencyMillis > 0) {
            try {
                // The app's own work, not a wait for something: an overloaded app is slow to answer.
                Thread.sleep(appLatencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String requestId = request.header("X-Request-ID");
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        if (routerLogs && requestId != null) {
            router.schedule(() -> {
                publish(routerLine(request.path(), UUID.randomUUID().toString(), serviceMillis * 10));
                publish(routerLine(request.path(), requestId, serviceMillis));
            }, ROUTER_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private String routerLine(String path, String requestId, long service) {
        return Instant.now() + " heroku[router]: at=info method=GET path=\"" + path + "\" host=" + app
                + ".herokuapp.com request_id=" + requestId + " fwd=\"127.0.0.1\" dyno=web.1 connect=0ms service="
                + service + "ms status=200 bytes=2 protocol=http";
    }

    private void publish(String line) {
        openStreams.forEach(stream -> stream.add(line));
    }

    /**
     * Streams lines as logplex does: a chunked plain-text body, one line per log line, kept open. An empty line goes
     * out when there was nothing to send for a while, so that a client that went away is noticed.
     */
    private void streamLog(HttpExchange exchange, String session) throws IOException {
        if (!sessions.contains(session)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        openStreams.add(lines);
        try {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STREAM_LIFETIME_MILLIS);
            while (holdLogStreamHeaders && !closed && System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.flush();
            while (!closed && System.nanoTime() < end) {
                String line = lines.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                out.write(((line == null ? "" : line) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientLeft) {
            // The client closed the stream: that is how a log session ends.
        } finally {
            openStreams.remove(lines);
        }
    }

    private void violation(HttpExchange exchange, RecordedRequest request, String problem) throws IOException {
        violations.add(request.method() + " " + request.path() + ": " + problem);
        error(exchange, new Failure(400, "bad_request", problem, null));
    }

    private void error(HttpExchange exchange, Failure failure) throws IOException {
        if (failure.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", failure.retryAfter());
        }
        json(exchange, failure.status(), "{\"id\": \"" + failure.id() + "\", \"message\": \""
                + failure.message().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
