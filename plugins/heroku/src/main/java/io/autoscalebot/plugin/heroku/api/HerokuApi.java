package io.autoscalebot.plugin.heroku.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Calls the Heroku Platform API v3 for one app: the documented headers, retries of 429 and 5xx with backoff,
 * {@code RateLimit-Remaining} pacing, and error answers turned into messages people can act on.
 */
public final class HerokuApi {

    /** The media type that selects version 3 of the Platform API. */
    public static final String ACCEPT = "application/vnd.heroku+json; version=3";

    /** Sent with every call so Heroku can tell this tool's traffic apart. */
    public static final String USER_AGENT = "autoscalebot-heroku/" + pluginVersion();

    private final HerokuConnection connection;
    private final Clock clock;
    private final System.Logger logger;
    private final Sleeper sleeper;
    private final RateLimitBudget budget;
    private final HttpClient http;

    /**
     * @param connection where and how to call
     * @param clock the engine's clock, for pacing and {@code Retry-After} dates
     * @param logger where retries and waits are told
     * @param sleeper how to wait between attempts
     */
    public HerokuApi(HerokuConnection connection, Clock clock, System.Logger logger, Sleeper sleeper) {
        this.connection = connection;
        this.clock = clock;
        this.logger = logger;
        this.sleeper = sleeper;
        this.budget = new RateLimitBudget(connection.rateLimitReserve());
        this.http = HttpClient.newBuilder().connectTimeout(connection.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return the connection this client calls with */
    public HerokuConnection connection() {
        return connection;
    }

    /** @return the HTTP client, for calls that are not to the Platform API (log streams) */
    public HttpClient http() {
        return http;
    }

    /**
     * Releases the HTTP client's connections and threads where the JDK can: its {@code HttpClient} is {@link
     * AutoCloseable} from 21 on; before, the client lets go of them only once unreachable.
     *
     * @throws Exception if closing failed
     */
    public void close() throws Exception {
        if (http instanceof AutoCloseable) {
            ((AutoCloseable) http).close();
        }
    }

    /** @return the deadline of one plugin call that starts now: {@code timeout} from now */
    public Deadline deadline() {
        return Deadline.after(connection.timeout(), clock);
    }

    /**
     * {@code GET}s a resource.
     *
     * @param path the path below the API's base, like {@code /apps/my-app/formation/web}
     * @param action what the call does, for messages: {@code the read of the web formation of my-app}
     * @param deadline when every attempt, backoff and budget wait must be over
     * @return the answer's JSON object
     * @throws PluginException if Heroku refused, stayed unavailable until max_retries or the deadline, or the budget
     *     is too low to call before the deadline
     * @throws InterruptedException if the engine gave up on the call
     */
    public ObjectNode get(String path, String action, Deadline deadline)
            throws PluginException, InterruptedException {
        return call("GET", path, null, action, deadline);
    }

    /**
     * {@code PATCH}es a resource with a JSON body; see {@link #get}.
     *
     * @param path the path below the API's base
     * @param body the members of the body
     * @param action what the call does, for messages
     * @param deadline when every attempt, backoff and budget wait must be over
     * @return the answer's JSON object
     * @throws PluginException if the call failed
     * @throws InterruptedException if the engine gave up on the call
     */
    public ObjectNode patch(String path, Map<String, ?> body, String action, Deadline deadline)
            throws PluginException, InterruptedException {
        return call("PATCH", path, Json.write(body), action, deadline);
    }

    /**
     * {@code POST}s a JSON body; see {@link #get}.
     *
     * @param path the path below the API's base
     * @param body the members of the body
     * @param action what the call does, for messages
     * @param deadline when every attempt, backoff and budget wait must be over
     * @return the answer's JSON object
     * @throws PluginException if the call failed
     * @throws InterruptedException if the engine gave up on the call
     */
    public ObjectNode post(String path, Map<String, ?> body, String action, Deadline deadline)
            throws PluginException, InterruptedException {
        return call("POST", path, Json.write(body), action, deadline);
    }

    private ObjectNode call(String method, String path, String body, String action, Deadline deadline)
            throws PluginException, InterruptedException {
        String lastProblem = null;
        for (int attempt = 1; ; attempt++) {
            // Before every attempt, retries too: a 429 answers RateLimit-Remaining 0, and retrying into it at once
            // would only spend what refills for deploys and people.
            spareBudget(attempt == 1 ? action : "retry " + attempt + " of " + action + " (Heroku answered the last: "
                    + lastProblem + ")", deadline);
            HttpResponse<String> response;
            try {
                response = http.send(request(method, path, body, deadline.remaining()),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                Duration delay = Backoff.delay(attempt, Optional.empty());
                Optional<String> stop = whyStop(attempt, delay, deadline);
                if (stop.isPresent()) {
                    throw new PluginException("could not reach the Heroku API at " + connection.apiUrl() + " for "
                            + action + " after " + attempts(attempt) + " (" + describe(e) + "; " + stop.get()
                            + "); check api_url and the network", e);
                }
                lastProblem = describe(e);
                waitToRetry(attempt, delay, action, lastProblem);
                continue;
            }
            observeBudget(response);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body(), action);
            }
            HerokuError error = HerokuError.from(status, response.body(), connection.token());
            if (!retryable(status)) {
                throw new PluginException("Heroku refused " + action + ": " + error.describe() + hint(status));
            }
            Optional<Duration> retryAfter = retryAfter(response);
            Duration delay = Backoff.delay(attempt, retryAfter);
            Optional<String> stop = whyStop(attempt, delay, deadline);
            if (stop.isPresent()) {
                throw new PluginException("Heroku did not accept " + action + " after " + attempts(attempt) + ": "
                        + error.describe() + retryAfter.map(wait -> "; Heroku asks to wait " + wait.toSeconds()
                                + " s").orElse("") + "; " + stop.get() + (status == 429
                        ? "; the account's API budget is used up, it refills at 75 requests a minute"
                        : "; see https://status.heroku.com"));
            }
            lastProblem = error.describe();
            waitToRetry(attempt, delay, action, lastProblem);
        }
    }

    private static String attempts(int count) {
        return count + (count == 1 ? " attempt" : " attempts");
    }

    /** Says why a failed attempt is the last, if it is: no retries left, or no time left for the wait before one. */
    private Optional<String> whyStop(int attempt, Duration delay, Deadline deadline) {
        if (attempt > connection.maxRetries()) {
            return Optional.of("max_retries " + connection.maxRetries() + " used up");
        }
        if (!deadline.allows(delay)) {
            return Optional.of("a retry in " + delay.toMillis() + " ms would run past " + deadline.describe()
                    + ", which must stay below the group's timeout");
        }
        return Optional.empty();
    }

    private HttpRequest request(String method, String path, String body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stripSlash(connection.apiUrl()) + path))
                .timeout(timeout)
                .header("Accept", ACCEPT)
                .header("Authorization", "Bearer " + connection.token())
                .header("User-Agent", USER_AGENT);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Waits before a call while the account's budget is below the reserve, or refuses when the deadline is nearer. */
    private void spareBudget(String action, Deadline deadline) throws PluginException, InterruptedException {
        Duration wait = budget.waitBeforeNextCall(clock.instant());
        if (wait.isZero()) {
            return;
        }
        int left = budget.estimate(clock.instant());
        if (!deadline.allows(wait)) {
            throw new PluginException("skipped " + action + " to spare the Heroku API budget: about " + left
                    + " requests left for the account, below rate_limit_reserve " + budget.reserve() + "; it refills"
                    + " at 75 a minute, so the next call can go in about " + wait.toSeconds() + " s, past "
                    + deadline.describe() + " (lower rate_limit_reserve to spend more of the budget)");
        }
        logger.log(System.Logger.Level.INFO, "Heroku API budget low (about {0} left, reserve {1}): waiting {2} ms before {3}",
                left, budget.reserve(), wait.toMillis(), action);
        sleeper.sleep(wait);
    }

    private void observeBudget(HttpResponse<?> response) {
        response.headers().firstValue("RateLimit-Remaining").ifPresent(value -> {
            try {
                budget.observe(Integer.parseInt(value.trim()), clock.instant());
            } catch (NumberFormatException e) {
                logger.log(System.Logger.Level.DEBUG, "ignoring a RateLimit-Remaining that is not a number: {0}", value);
            }
        });
    }

    private void waitToRetry(int failedAttempts, Duration delay, String action, String problem)
            throws InterruptedException {
        logger.log(System.Logger.Level.WARNING, "Heroku: {0} failed ({1}); retry {2} of {3} in {4} ms", action, problem,
                failedAttempts, connection.maxRetries(), delay.toMillis());
        sleeper.sleep(delay);
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .flatMap(value -> Backoff.parseRetryAfter(value, clock.instant()));
    }

    private ObjectNode parse(String body, String action) throws PluginException {
        try {
            return Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            throw new PluginException("Heroku answered " + action + " with a body that is not a JSON object ("
                    + e.getMessage() + "); check that api_url points at the Heroku Platform API");
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private static String hint(int status) {
        switch (status) {
            case 401:
                return "; check the token setting (usually ${HEROKU_API_KEY}): it is wrong, expired or revoked";
            case 403:
                return "; the token's account may not operate this app: use a token of a member allowed to scale it";
            case 404:
                return "; check the app setting (`heroku apps:info -a APP`) and, for a scale, that process_type names"
                        + " a process type of the app (`heroku ps -a APP`)";
            default:
                return "";
        }
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
        try (InputStream in = HerokuApi.class.getResourceAsStream("plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // The version only decorates the User-Agent; a missing one must not stop the plugin.
        }
        return properties.getProperty("version", "dev");
    }
}
