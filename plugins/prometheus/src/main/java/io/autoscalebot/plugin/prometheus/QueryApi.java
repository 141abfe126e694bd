package io.autoscalebot.plugin.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Prometheus's instant query endpoint, {@code /api/v1/query}, as this plugin uses it: one request per measurement,
 * answered with the API's JSON envelope ({@code status}, {@code data}, or {@code errorType} and {@code error}).
 *
 * <p>Every message it builds names Prometheus by its URL (which holds no credentials: the settings refuse them there)
 * and is scrubbed of the secrets, because some of it is text the server sent.
 */
final class QueryApi {

    /** The largest answer read: one series is a few hundred bytes; more than this is thousands of series. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    /**
     * Longer form-encoded parameters go in a POST body: servers and proxies limit a URL's length (Prometheus's docs
     * suggest POST for large queries), and 2000 characters pass every common limit.
     */
    static final int MAX_GET_PARAMETERS = 2000;

    private static final int EXCERPT_CHARS = 200;
    private static final int MAX_CAUSE_DEPTH = 10;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PrometheusConfig config;
    private final HttpClient client;
    private final Optional<String> authorization;
    private final Redaction redaction;

    /**
     * What a successful query returned.
     *
     * @param data the envelope's {@code data}: {@code resultType} and {@code result}
     * @param warnings what Prometheus warned about while running the query (scrubbed)
     */
    record Answer(JsonNode data, List<String> warnings) {
    }

    /**
     * @param config the checked settings
     * @throws PluginException if setting {@code ca_file} cannot be used
     */
    QueryApi(PrometheusConfig config) throws PluginException {
        this.config = config;
        // Never follow a redirect: the client would send our Authorization header on to wherever it points.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.caFile().isPresent()) {
            builder.sslContext(TrustedCertificates.context(config.caFile().get()));
        }
        this.client = builder.build();
        if (config.token().isPresent()) {
            this.authorization = Optional.of("Bearer " + config.token().get());
        } else if (config.username().isPresent() && config.password().isPresent()) {
            this.authorization = Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    (config.username().get() + ":" + config.password().get()).getBytes(StandardCharsets.UTF_8)));
        } else {
            this.authorization = Optional.empty();
        }
        List<String> secrets = new ArrayList<>();
        config.token().ifPresent(secrets::add);
        config.password().ifPresent(secrets::add);
        this.redaction = Redaction.of(config.username(), secrets);
    }

    /** @return how messages name Prometheus: {@code Prometheus at http://prometheus:9090} */
    String shown() {
        return "Prometheus at " + config.url();
    }

    /** @return the redaction of the configured secrets */
    Redaction redaction() {
        return redaction;
    }

    /**
     * @param serverTimeout how long Prometheus may spend on the query, sent as its {@code timeout} parameter
     * @return a GET with the parameters in the URL, or a POST with them as a form when they are long
     */
    HttpRequest request(Duration serverTimeout) {
        String parameters = "query=" + URLEncoder.encode(config.query(), StandardCharsets.UTF_8)
                + "&timeout=" + Math.max(1, serverTimeout.toMillis()) + "ms";
        String endpoint = config.url() + "/api/v1/query";
        HttpRequest.Builder request = parameters.length() <= MAX_GET_PARAMETERS
                ? HttpRequest.newBuilder(URI.create(endpoint + "?" + parameters)).GET()
                : HttpRequest.newBuilder(URI.create(endpoint))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(parameters, StandardCharsets.UTF_8));
        request.timeout(config.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "autoscalebot-prometheus");
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request.build();
    }

    /**
     * Runs the query.
     *
     * @param budget the time left for the measurement
     * @return the successful answer
     * @throws PluginException saying why there is no value: unreachable, timed out, refused, a query error, not
     *     Prometheus; never with a secret
     */
    Answer query(CallBudget budget) throws PluginException {
        HttpResponse<byte[]> response = exchange(request(serverTimeout(budget.remaining())), budget);
        JsonNode envelope = envelope(response);
        if (envelope == null || !envelope.path("status").isTextual()) {
            throw notPrometheus(response, envelope != null);
        }
        String status = envelope.path("status").asText();
        if (status.equals("error")) {
            throw queryError(envelope);
        }
        JsonNode data = envelope.path("data");
        if (!status.equals("success") || !data.isObject()) {
            throw notPrometheus(response, true);
        }
        List<String> warnings = new ArrayList<>();
        envelope.path("warnings").forEach(warning -> warnings.add(redaction.scrub(warning.asText())));
        return new Answer(data, warnings);
    }

    /**
     * @param remaining the time left for the measurement
     * @return how long Prometheus may run the query: a tenth less, so its own "query timed out" arrives before this
     *     client gives up and its reason is lost
     */
    static Duration serverTimeout(Duration remaining) {
        return remaining.minus(remaining.dividedBy(10));
    }

    /** Releases the HTTP client's connections and selector thread, on a JDK whose client can be closed (21+). */
    void close() throws Exception {
        if (client instanceof AutoCloseable) {
            ((AutoCloseable) client).close();
        }
    }

    // The whole exchange (connecting, the headers and the body) must fit in the budget: the request's own timeout
    // only bounds the wait for the headers.
    private HttpResponse<byte[]> exchange(HttpRequest request, CallBudget budget) throws PluginException {
        BoundedBody body = new BoundedBody(MAX_RESPONSE_BYTES);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> body);
        try {
            return exchange.get(budget.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            body.abandon();
            throw timedOut(budget, e);
        } catch (ExecutionException e) {
            throw failed(e.getCause(), budget);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            body.abandon();
            // Restored so the engine, which interrupted us, still sees it once the call returns.
            Thread.currentThread().interrupt();
            throw new PluginException(shown() + ": interrupted before Prometheus answered: the call took longer than "
                    + "the group's timeout, or the engine is stopping", e);
        }
    }

    /** @return the body as JSON, or null when it is not JSON */
    private static JsonNode envelope(HttpResponse<byte[]> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Prometheus's {@code errorType} says whose fault it is: the query's, the time's, or the server's. */
    private PluginException queryError(JsonNode envelope) {
        String type = envelope.path("errorType").asText("unknown");
        String error = redaction.scrub(envelope.path("error").asText("no reason given"));
        String query = "query " + Queries.shown(config.query());
        switch (type) {
            case "bad_data":
                return new PluginException(shown() + " rejected " + query + " (" + type + "): " + error
                        + "; fix setting 'query'");
            case "timeout":
                return new PluginException(shown() + " gave up on " + query + " (" + type + "): " + error
                        + "; make the query cheaper (a recording rule helps) or raise setting 'timeout'");
            default:
                return new PluginException(shown() + " could not run " + query + " (" + type + "): " + error);
        }
    }

    private PluginException notPrometheus(HttpResponse<byte[]> response, boolean json) {
        int status = response.statusCode();
        String prefix = shown() + " answered HTTP " + status;
        if (status == 401 || status == 403) {
            return new PluginException(prefix + ", refusing the request" + excerpt(response) + "; "
                    + (authorization.isPresent() ? "check settings 'token', or 'username' and 'password'"
                    : "it wants a login: set 'token', or 'username' and 'password'"));
        }
        if (status == 404) {
            return new PluginException(prefix + " for /api/v1/query" + excerpt(response) + "; check that setting "
                    + "'url' is Prometheus's base URL (with its --web.route-prefix, if it has one)");
        }
        if (status / 100 == 3) {
            return new PluginException(prefix + ", a redirect to "
                    + response.headers().firstValue("Location").map(this::withoutSecrets).orElse("nowhere")
                    + "; autoscalebot does not follow redirects (they could carry the credentials elsewhere): point "
                    + "setting 'url' at the final address");
        }
        return new PluginException(prefix + " with " + (json ? "JSON that is not Prometheus's API answer"
                : "something that is not JSON") + excerpt(response) + "; check that setting 'url' is Prometheus's "
                + "base URL, like http://prometheus:9090");
    }

    private String withoutSecrets(String location) {
        try {
            URI target = config.url().resolve(location.strip());
            String port = target.getPort() < 0 ? "" : ":" + target.getPort();
            return target.getHost() == null ? "an address without a host"
                    : target.getScheme() + "://" + target.getHost() + port + (target.getRawPath() == null ? ""
                    : target.getRawPath());
        } catch (IllegalArgumentException e) {
            return "an address that is not a valid URL";
        }
    }

    private String excerpt(HttpResponse<byte[]> response) {
        String line = new String(response.body(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        // Scrubbed before it is cut, so a cut cannot leave a fragment of a secret the scrub would not know.
        line = printable(redaction.scrub(line));
        return "; the response starts with: " + (line.length() > EXCERPT_CHARS ? line.substring(0, EXCERPT_CHARS)
                + "..." : line);
    }

    private PluginException timedOut(CallBudget budget, Exception cause) {
        return new PluginException(shown() + " did not answer within " + human(budget.total()) + " (setting "
                + "'timeout'); make the query cheaper (a recording rule helps) or raise 'timeout' (below the group's "
                + "timeout)", cause);
    }

    private PluginException failed(Throwable cause, CallBudget budget) {
        String host = config.url().getHost() + ":" + port();
        if (cause instanceof HttpTimeoutException) {
            return timedOut(budget, (HttpTimeoutException) cause);
        }
        if (has(cause, UnresolvedAddressException.class) || has(cause, UnknownHostException.class)) {
            return new PluginException(shown() + ": cannot resolve host " + config.url().getHost()
                    + "; check the host name in setting 'url'", cause);
        }
        if (has(cause, SSLException.class)) {
            return new PluginException(shown() + ": TLS with " + host + " failed (" + reasonOf(cause) + "); check "
                    + "that the port serves https and that its certificate is signed by an authority in setting "
                    + "'ca_file' or the JVM's trust store", cause);
        }
        if (cause instanceof ConnectException) {
            // The HTTP client's ConnectException carries no message: refused and unreachable look the same here.
            return new PluginException(shown() + ": cannot connect to " + host + "; check that Prometheus runs there "
                    + "(port 9090 by default) and the host and port in setting 'url'", cause);
        }
        if (cause instanceof IOException && reasonOf(cause).contains("larger than")) {
            return new PluginException(shown() + ": the answer to query " + Queries.shown(config.query())
                    + " is larger than " + (MAX_RESPONSE_BYTES >> 20) + " MiB, so it holds many series; aggregate "
                    + "them to one, like sum(...)", cause);
        }
        return new PluginException(shown() + ": the request failed (" + reasonOf(cause) + "); check setting 'url'",
                cause);
    }

    private int port() {
        URI url = config.url();
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && current != null; depth++) {
            if (type.isInstance(current)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    // The HTTP client often throws a message-less exception around the socket's own; the first message says most.
    private String reasonOf(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && current != null; depth++) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                return printable(redaction.scrub(current.getMessage()));
            }
            current = current.getCause();
        }
        return failure.getClass().getSimpleName();
    }

    /** A reason may quote bytes a server sent (the JDK does for a bad status line); control characters are shown. */
    private static String printable(String text) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append(String.format(java.util.Locale.ROOT, "\\x%02X", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }
}
