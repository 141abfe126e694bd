package io.autoscalebot.plugin.appdecision;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.plugin.appdecision.json.Json;
import io.autoscalebot.plugin.appdecision.json.JsonException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The app's JSON endpoint: one GET per measurement.
 */
final class AppEndpoint {

    /** The largest response read; an app answering with more is broken, and reading it all could exhaust memory. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private static final int ERROR_BODY_CHARS = 200;
    private static final int MAX_CAUSE_DEPTH = 10;

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;
    private final Optional<String> token;
    private final String display;

    /**
     * @param url the endpoint, {@code http} or {@code https}
     * @param timeout how long the whole exchange may take: connecting, sending, and receiving the full response
     * @param token the bearer token, if the endpoint needs one
     */
    AppEndpoint(URI url, Duration timeout, Optional<String> token) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.token = Objects.requireNonNull(token, "token");
        // Never follow a redirect: the client would resend the Authorization header we set ourselves, even to another
        // host (JDK 17 does), so a redirect could hand the token to whoever the app, or an attacker, points at.
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.display = "GET " + withoutSecrets(url);
    }

    /** @return what the requests look like in messages: {@code GET https://app.example.com/autoscale} */
    String display() {
        return display;
    }

    /**
     * Fetches and parses the app's answer.
     *
     * @return the JSON document
     * @throws PluginException saying why there is no document: unreachable, timed out, an HTTP error, not JSON; never
     *     with the token
     */
    JsonNode fetch() throws PluginException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("Accept", "application/json")
                .header("User-Agent", "autoscalebot-app-decision");
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        HttpResponse<byte[]> response = exchange(request.build());
        // RFC 8259 section 8.1: JSON exchanged between systems is UTF-8.
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 == 3) {
            throw new PluginException(display + " answered HTTP " + response.statusCode() + ", a redirect to "
                    + location(response) + "; autoscalebot does not follow redirects (they could carry 'token'"
                    + " elsewhere): point setting 'url' at the final address");
        }
        if (response.statusCode() / 100 != 2) {
            throw new PluginException(display + " answered HTTP " + response.statusCode() + retryAfter(response)
                    + authHint(response.statusCode()) + bodyExcerpt(body));
        }
        try {
            return Json.parse(body);
        } catch (JsonException e) {
            throw new PluginException(display + " answered with something that is not JSON: " + e.getMessage()
                    + bodyExcerpt(body), e);
        }
    }

    // The whole exchange (connecting, the headers and the body) must fit in the timeout: the request's own timeout
    // only bounds the wait for the headers, and an app that stalls in the middle of its body would hang the tick.
    private HttpResponse<byte[]> exchange(HttpRequest request) throws PluginException {
        BoundedBody body = new BoundedBody(MAX_RESPONSE_BYTES);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> body);
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            body.abandon();
            throw timedOut(e);
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            body.abandon();
            // Restored so the engine, which interrupted us, still sees it once the call returns.
            Thread.currentThread().interrupt();
            throw new PluginException(display + " was interrupted before the app answered: the call took longer"
                    + " than the group's timeout, or the engine is stopping", e);
        }
    }

    private PluginException timedOut(Exception e) {
        return new PluginException(display + " timed out after " + timeout.toMillis() + " ms (setting 'timeout')", e);
    }

    private PluginException failed(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return timedOut((HttpTimeoutException) cause);
        }
        if (cause instanceof ConnectException) {
            // The HTTP client's ConnectException carries no message: refused and unreachable look the same here.
            return new PluginException(display + " failed: could not connect to " + url.getHost() + ":" + port(url)
                    + "; check setting 'url' and that the app is running", cause);
        }
        return new PluginException(display + " failed: " + reasonOf(cause), cause);
    }

    private String location(HttpResponse<?> response) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return "nowhere (no Location header)";
        }
        try {
            // A Location may be relative (RFC 9110 section 10.2.2); show where it leads, without its secrets.
            URI target = url.resolve(location.get().strip());
            return target.getHost() == null ? "an address without a host" : withoutSecrets(target);
        } catch (IllegalArgumentException e) {
            return "an address that is not a valid URL";
        }
    }

    private static String retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> " (Retry-After: " + value + ")").orElse("");
    }

    private String authHint(int status) {
        if (status == 401 || status == 403) {
            return token.isPresent() ? ": the app refused setting 'token'" : ": the app wants a login; set 'token'";
        }
        return "";
    }

    private String bodyExcerpt(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        if (token.isPresent() && !token.get().isEmpty()) {
            line = line.replace(token.get(), "****");
        }
        return "; the response starts with: " + (line.length() > ERROR_BODY_CHARS
                ? line.substring(0, ERROR_BODY_CHARS) + "..." : line);
    }

    // The HTTP client often throws a message-less exception around the socket's own; the first message says most.
    private static String reasonOf(Throwable e) {
        Throwable current = e;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && current != null; depth++) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                return current.getMessage();
            }
            current = current.getCause();
        }
        return e.getClass().getSimpleName();
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** Releases the HTTP client's connections and selector thread, on a JDK whose client can be closed (21 and later). */
    void close() throws Exception {
        if (client instanceof AutoCloseable) {
            ((AutoCloseable) client).close();
        }
    }

    // A URL may carry a password (user:pass@) or a key in its query; messages show neither.
    private static String withoutSecrets(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path + (url.getRawQuery() == null ? "" : "?...");
    }
}
