package io.autoscalebot.plugin.rabbitmq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * RabbitMQ's management HTTP API as this plugin uses it: GETs with Basic authentication, answered with JSON.
 *
 * <p>Every message it builds names the API by its URL (which holds no credentials: the settings refuse them there)
 * and is scrubbed of the password, because some of it is text the server sent.
 */
final class ManagementApi {

    /** The largest answer read: one queue's figures take a few hundred bytes, a vhost's queue names a few kB. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private static final int EXCERPT_CHARS = 200;
    private static final int MAX_CAUSE_DEPTH = 10;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final RabbitMqConfig config;
    private final HttpClient client;
    private final String authorization;
    private final Redaction redaction;

    /**
     * @param config the checked settings
     * @throws PluginException if setting {@code ca_file} cannot be used
     */
    ManagementApi(RabbitMqConfig config) throws PluginException {
        this.config = config;
        // Never follow a redirect: the client would send our Authorization header on to wherever it points.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.caFile().isPresent()) {
            builder.sslContext(TrustedCertificates.context(config.caFile().get()));
        }
        this.client = builder.build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
        this.redaction = Redaction.of(config.username(), config.password());
    }

    /** @return how messages name the API: {@code RabbitMQ at http://host:15672} */
    String shown() {
        return "RabbitMQ at " + config.url();
    }

    /** @return the redaction of the configured password */
    Redaction redaction() {
        return redaction;
    }

    /**
     * Starts a GET without waiting for it, so the requests of several queues run side by side.
     *
     * @param pathAndQuery the encoded path under the base URL, like {@code /api/queues/%2F/emails?columns=name}
     * @return the exchange in flight
     */
    Exchange start(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url() + pathAndQuery))
                .timeout(config.timeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "autoscalebot-rabbitmq")
                .GET().build();
        BoundedBody body = new BoundedBody(MAX_RESPONSE_BYTES);
        return new Exchange(client.sendAsync(request, info -> body), body);
    }

    /**
     * @param exchange a request started with {@link #start}
     * @param budget the time left for the measurement
     * @return the answer, whatever its status
     * @throws PluginException when there is no answer: unreachable, timed out, TLS refused, not HTTP
     */
    HttpResponse<byte[]> await(Exchange exchange, CallBudget budget) throws PluginException {
        try {
            return exchange.response.get(budget.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel();
            throw timedOut(budget, e);
        } catch (ExecutionException e) {
            throw failed(e.getCause(), budget);
        } catch (InterruptedException e) {
            exchange.cancel();
            // Restored so the engine, which interrupted us, still sees it once the call returns.
            Thread.currentThread().interrupt();
            throw new PluginException(shown() + ": interrupted before RabbitMQ answered: the call took longer than "
                    + "the group's timeout, or the engine is stopping", e);
        }
    }

    /**
     * @param response an answer
     * @param what what was asked for, for the message: {@code queue 'emails' in vhost '/'}
     * @return its body as JSON
     * @throws PluginException when the body is not JSON
     */
    JsonNode json(HttpResponse<byte[]> response, String what) throws PluginException {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new PluginException(shown() + " answered the request for " + what + " with an empty body, "
                        + "not JSON; check that setting 'url' points at the management plugin");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PluginException(shown() + " answered the request for " + what + " with something that is not "
                    + "JSON (" + redaction.scrub(e.getOriginalMessage()) + ")" + excerpt(response)
                    + "; check that setting 'url' points at the management plugin", e);
        } catch (IOException e) {
            throw new PluginException(shown() + ": cannot read the answer for " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param response an answer
     * @return {@code ; the response starts with: ...} with the start of its body on one line, scrubbed; or nothing
     */
    String excerpt(HttpResponse<byte[]> response) {
        String line = new String(response.body(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        // Scrubbed before it is cut, so a cut cannot leave a fragment of the password the scrub would not know.
        line = redaction.scrub(line);
        return "; the response starts with: " + (line.length() > EXCERPT_CHARS ? line.substring(0, EXCERPT_CHARS)
                + "..." : line);
    }

    /** Releases the HTTP client's connections and selector thread, on a JDK whose client can be closed (21+). */
    void close() throws Exception {
        if (client instanceof AutoCloseable) {
            ((AutoCloseable) client).close();
        }
    }

    private PluginException timedOut(CallBudget budget, Exception cause) {
        return new PluginException(shown() + " did not answer within " + human(budget) + " (setting 'timeout'); "
                + "check that the broker is not overloaded, or raise 'timeout' (below the group's timeout)", cause);
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
                    + "that the port serves https (the management plugin's TLS port is 15671 by default) and that "
                    + "its certificate is signed by an authority in setting 'ca_file' or the JVM's trust store", cause);
        }
        if (cause instanceof ConnectException) {
            // The HTTP client's ConnectException carries no message: refused and unreachable look the same here.
            return new PluginException(shown() + ": cannot connect to " + host + "; check that RabbitMQ runs there "
                    + "with the management plugin enabled (rabbitmq-plugins enable rabbitmq_management), which "
                    + "listens on port 15672 by default (the AMQP port 5672 does not speak HTTP)", cause);
        }
        if (cause instanceof IOException && reasonOf(cause).contains("AMQP")) {
            // The AMQP listener answers anything that is not AMQP with its protocol header, "AMQP" and 4 bytes.
            return new PluginException(shown() + ": " + host + " answered in AMQP, not HTTP: it is the broker's AMQP "
                    + "port; point setting 'url' at the management plugin instead, on port 15672 by default", cause);
        }
        if (cause instanceof IOException) {
            return new PluginException(shown() + ": the request failed (" + reasonOf(cause) + "); if " + host
                    + " is not the management plugin's HTTP port (15672 by default; AMQP's 5672 does not speak HTTP),"
                    + " fix setting 'url'", cause);
        }
        return new PluginException(shown() + ": the request failed unexpectedly: " + reasonOf(cause), cause);
    }

    private int port() {
        URI url = config.url();
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String human(CallBudget budget) {
        long millis = budget.total().toMillis();
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

    /** One request in flight and its body, which is abandoned with it. */
    static final class Exchange {

        private final CompletableFuture<HttpResponse<byte[]>> response;
        private final BoundedBody body;

        private Exchange(CompletableFuture<HttpResponse<byte[]>> response, BoundedBody body) {
            this.response = response;
            this.body = body;
        }

        /** Gives up on the request: nobody will read its answer. */
        void cancel() {
            response.cancel(true);
            body.abandon();
        }
    }
}
