package io.autoscalebot.plugin.kubernetes.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;

/**
 * Calls one Kubernetes API server with JSON: authentication from a {@link ClusterAccess}, retries of 429, 5xx and
 * unreachable servers with backoff inside the call's {@link Deadline}, one fresh attempt after a 401 when the
 * credentials can renew, and failures turned into messages people can act on. Nothing it says holds a secret.
 *
 * <p>Thread-safe; one instance per plugin instance, closed on teardown.
 */
public final class KubeApi implements AutoCloseable {

    /** Sent with every call so the cluster's audit log can tell this tool's traffic apart. */
    public static final String USER_AGENT = "autoscalebot-kubernetes/" + pluginVersion();

    /** A JSON merge patch (RFC 7386): what {@code kubectl scale} sends, and what custom resources accept too. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterAccess access;
    private final int maxRetries;
    private final Clock clock;
    private final System.Logger logger;
    private final Sleeper sleeper;
    private final Tls.ClientKeys keys = new Tls.ClientKeys();
    private final HttpClient http;

    /**
     * @param access where and how to call
     * @param connectTimeout the longest wait for a connection
     * @param maxRetries how many times a 429, 5xx or unreachable server is retried
     * @param clock the engine's clock, for deadlines and {@code Retry-After} dates
     * @param logger where retries are told
     * @param sleeper how to wait between attempts
     * @throws PluginException if the JDK cannot build the TLS context
     */
    public KubeApi(ClusterAccess access, Duration connectTimeout, int maxRetries, Clock clock, System.Logger logger,
                   Sleeper sleeper) throws PluginException {
        this.access = access;
        this.maxRetries = maxRetries;
        this.clock = clock;
        this.logger = logger;
        this.sleeper = sleeper;
        try {
            this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .sslContext(Tls.context(access.trust(), keys))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (GeneralSecurityException e) {
            throw new PluginException("cannot set up TLS for " + access.server() + " (" + e.getMessage() + ")", e);
        }
    }

    /** @return where and how this client calls */
    public ClusterAccess access() {
        return access;
    }

    /** @return the engine's clock this client keeps deadlines with */
    public Clock clock() {
        return clock;
    }

    /**
     * {@code GET}s a path.
     *
     * @param path the path below the server's URL, like {@code /apis/apps/v1/namespaces/shop/deployments/web/scale}
     * @param action what the call does, for messages: {@code the read of the replicas of deployment/web in shop}
     * @param deadline when every attempt and backoff must be over
     * @return the answer's JSON
     * @throws ApiException if the server refused
     * @throws PluginException if the server could not be reached or talked to, or the credentials not had
     * @throws InterruptedException if the engine gave up on the call
     */
    public JsonNode get(String path, String action, Deadline deadline) throws PluginException, InterruptedException {
        return call("GET", path, null, null, action, deadline);
    }

    /**
     * Sends a JSON body; see {@link #get}.
     *
     * @param method {@code POST}, {@code PUT} or {@code PATCH}
     * @param path the path below the server's URL
     * @param contentType the body's type: {@code application/json}, or {@link #MERGE_PATCH} for a patch
     * @param body the body
     * @param action what the call does, for messages
     * @param deadline when every attempt and backoff must be over
     * @return the answer's JSON
     * @throws ApiException if the server refused
     * @throws PluginException if the server could not be reached or talked to
     * @throws InterruptedException if the engine gave up on the call
     */
    public JsonNode send(String method, String path, String contentType, JsonNode body, String action,
                         Deadline deadline) throws PluginException, InterruptedException {
        return call(method, path, contentType, body.toString(), action, deadline);
    }

    /**
     * @param text any text
     * @return the text without the credentials' secrets, in any encoding
     */
    public String scrub(String text) {
        return Redaction.scrub(text, access.credentials().secrets());
    }

    /**
     * Releases the HTTP client's connections and threads where the JDK can: its {@code HttpClient} is {@link
     * AutoCloseable} from 21 on; before, the client lets go of them only once unreachable.
     *
     * @throws Exception if closing failed
     */
    @Override
    public void close() throws Exception {
        if (http instanceof AutoCloseable) {
            ((AutoCloseable) http).close();
        }
    }

    private JsonNode call(String method, String path, String contentType, String body, String action,
                          Deadline deadline) throws PluginException, InterruptedException {
        boolean renewedCredentials = false;
        String lastProblem = null;
        for (int attempt = 1; ; attempt++) {
            Auth auth = access.credentials().current(deadline);
            keys.use(auth.certificate());
            HttpResponse<String> response;
            try {
                response = http.send(request(method, path, contentType, body, auth, deadline),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
                    throw new PluginException("the Kubernetes API server at " + access.server() + " did not answer "
                            + action + " within " + deadline.describe() + (lastProblem == null ? ""
                            : " (before, it answered: " + lastProblem + ")") + "; check that the cluster is up", e);
                }
                Optional<SSLException> tls = tlsCause(e);
                if (tls.isPresent()) {
                    throw new PluginException(scrub(TlsProblems.explain(tls.get(), access, action)), e);
                }
                Duration delay = Backoff.delay(attempt, Optional.empty());
                Optional<String> stop = whyStop(attempt, delay, deadline);
                if (stop.isPresent()) {
                    throw new PluginException("cannot reach the Kubernetes API server at " + access.server() + " for "
                            + action + " after " + attempts(attempt) + " (" + describe(e) + "; " + stop.get()
                            + "); check the server of " + access.source() + " and that the cluster is up", e);
                }
                lastProblem = describe(e);
                waitToRetry(attempt, delay, action, lastProblem);
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body(), action);
            }
            if (status == 401 && !renewedCredentials && access.credentials().refreshAfterUnauthorized()) {
                // A rotated token file or an expired exec credential: one more try with fresh ones, no backoff.
                renewedCredentials = true;
                logger.log(System.Logger.Level.DEBUG, "Kubernetes: 401 for {0}; trying again with renewed {1}",
                        action, access.credentials().describe());
                attempt--;
                continue;
            }
            ApiStatus answer = ApiStatus.from(status, response.body(), this::scrub);
            if (!retryable(status)) {
                throw new ApiException("the Kubernetes API server refused " + action + ": " + answer.describe()
                        + hint(status), answer);
            }
            Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                    .flatMap(value -> Backoff.parseRetryAfter(value, clock.instant()));
            Duration delay = Backoff.delay(attempt, retryAfter);
            Optional<String> stop = whyStop(attempt, delay, deadline);
            if (stop.isPresent()) {
                throw new ApiException("the Kubernetes API server did not accept " + action + " after "
                        + attempts(attempt) + ": " + answer.describe() + retryAfter.map(wait -> "; it asks to wait "
                        + wait.toSeconds() + " s").orElse("") + "; " + stop.get()
                        + (status == 429 ? "; the API server is overloaded or limits this client (API Priority and"
                        + " Fairness)" : "; check the API server's health"), answer);
            }
            lastProblem = answer.describe();
            waitToRetry(attempt, delay, action, lastProblem);
        }
    }

    private HttpRequest request(String method, String path, String contentType, String body, Auth auth,
                                Deadline deadline) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stripSlash(access.server()) + path))
                .timeout(deadline.remaining())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        auth.token().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Says why a failed attempt is the last, if it is: no retries left, or no time left for the wait before one. */
    /** {@code 1 attempt}, {@code 3 attempts}: with max_retries 0 the first is also the last. */
    private static String attempts(int count) {
        return count + (count == 1 ? " attempt" : " attempts");
    }

    private Optional<String> whyStop(int attempt, Duration delay, Deadline deadline) {
        if (attempt > maxRetries) {
            return Optional.of("max_retries " + maxRetries + " used up");
        }
        if (!deadline.allows(delay)) {
            return Optional.of("a retry in " + delay.toMillis() + " ms would run past " + deadline.describe());
        }
        return Optional.empty();
    }

    private void waitToRetry(int failedAttempts, Duration delay, String action, String problem)
            throws InterruptedException {
        logger.log(System.Logger.Level.WARNING, "Kubernetes: {0} failed ({1}); retry {2} of {3} in {4} ms", action,
                problem, failedAttempts, maxRetries, delay.toMillis());
        sleeper.sleep(delay);
    }

    private JsonNode parse(String body, String action) throws PluginException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // Jackson's message quotes the body; the sentence below says enough.
        }
        throw new PluginException("the server at " + access.server() + " answered " + action + " with a body that"
                + " is not a JSON object; check that the server of " + access.source()
                + " is a Kubernetes API server");
    }

    private String hint(int status) {
        switch (status) {
            case 401:
                return "; the server did not accept " + access.credentials().describe()
                        + ": it is wrong, expired or revoked (check it with `kubectl auth whoami` or `kubectl get"
                        + " --raw /version` using the same kubeconfig)";
            case 403:
                return "; the credentials were accepted but RBAC does not allow this (`kubectl auth can-i`)";
            default:
                return "";
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private static Optional<SSLException> tlsCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return Optional.of((SSLException) cause);
            }
        }
        return Optional.empty();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String pluginVersion() {
        Properties properties = new Properties();
        try (InputStream in = KubeApi.class.getResourceAsStream("plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // The version only decorates the User-Agent; a missing one must not stop the plugin.
        }
        return properties.getProperty("version", "dev");
    }
}
