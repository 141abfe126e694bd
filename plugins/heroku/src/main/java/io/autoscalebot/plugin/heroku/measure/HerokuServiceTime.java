package io.autoscalebot.plugin.heroku.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.plugin.heroku.api.Deadline;
import io.autoscalebot.plugin.heroku.api.HerokuApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Measures how long the app's dynos took to serve one request, as Heroku's router saw it ({@code service=NNNms}),
 * which leaves out the network between autoscalebot and Heroku.
 *
 * <p>Each measurement opens a router log session first, then requests {@code url} with a fresh {@code X-Request-ID},
 * then waits for the router line carrying that id, all within the plugin's {@code timeout}.
 */
public final class HerokuServiceTime implements Measure {

    /** Asks for little history: the line wanted is logged after the session opens. */
    private static final int HISTORY_LINES = 1;

    private final HerokuApi api;
    private final URI url;
    private final String shownUrl;
    private final Duration logTimeout;
    private final Clock clock;

    /**
     * @param api the Platform API client for the app
     * @param url the URL to request, served by the app
     * @param logTimeout the longest wait for the router line after the request answered, within what is left of the
     *     measurement's deadline
     * @param clock the engine's clock, for the measurement's time
     */
    public HerokuServiceTime(HerokuApi api, URI url, Duration logTimeout, Clock clock) {
        this.api = api;
        this.url = url;
        this.shownUrl = withoutSecrets(url);
        this.logTimeout = logTimeout;
        this.clock = clock;
    }

    @Override
    public Measurement measure() throws InterruptedException {
        Instant time = clock.instant();
        String requestId = UUID.randomUUID().toString();
        // One deadline for the session, the request and the wait for the line: the engine cuts the call off after the
        // group's timeout, and a measurement inside its own can still say what it was waiting for.
        Deadline deadline = api.deadline();
        try (RouterLogStream log = RouterLogStream.connect(api.http(), openLogSession(deadline), requestId,
                deadline.remaining())) {
            request(requestId, deadline);
            Duration lineWait = deadline.remaining().compareTo(logTimeout) < 0 ? deadline.remaining() : logTimeout;
            OptionalLong service = log.awaitServiceMillis(lineWait);
            if (service.isEmpty()) {
                return Measurement.failed(time, "no router log line for request " + requestId + " to " + shownUrl
                        + " arrived within " + lineWait.toMillis() + " ms (" + (lineWait.equals(logTimeout)
                        ? "log_timeout" : "what was left of " + deadline.describe() + " for the whole measurement")
                        + "); check that url is served by app " + api.connection().app() + ", or raise log_timeout"
                        + " and timeout, keeping timeout below the group's timeout");
            }
            return Measurement.of(time, service.getAsLong(), "ms");
        } catch (PluginException e) {
            return Measurement.failed(time, e.getMessage());
        }
    }

    /** Closes the API client, whose connections and threads would otherwise outlive the engine's use of them. */
    @Override
    public void teardown() throws Exception {
        api.close();
    }

    private URI openLogSession(Deadline deadline) throws PluginException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        // The current API reference names the filter dyno_name; older API versions and clients call it dyno. Sending
        // both keeps the filter on either, so the stream carries router lines only.
        body.put("dyno_name", "router");
        body.put("dyno", "router");
        body.put("source", "heroku");
        body.put("tail", true);
        body.put("lines", HISTORY_LINES);
        String action = "the log session for the router lines of " + api.connection().app();
        JsonNode logplexUrl = api.post(api.connection().appPath() + "/log-sessions", body, action, deadline)
                .path("logplex_url");
        if (!logplexUrl.isTextual()) {
            throw new PluginException("Heroku answered " + action + " without a logplex_url; check that api_url"
                    + " points at the Heroku Platform API");
        }
        try {
            return URI.create(logplexUrl.textValue());
        } catch (IllegalArgumentException e) {
            throw new PluginException("Heroku answered " + action + " with a logplex_url that is not a URL");
        }
    }

    private void request(String requestId, Deadline deadline) throws PluginException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(deadline.remaining())
                .header("X-Request-ID", requestId)
                .header("User-Agent", HerokuApi.USER_AGENT)
                .GET().build();
        try {
            // Any status will do: the router logs the service time of errors too.
            api.http().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new PluginException("could not request " + shownUrl + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check url and that the app is up", e);
        }
    }

    /**
     * Failure reasons are notified, so they show the URL without what may be secret: user info ({@code user:password@})
     * and the query (a health check's key), and without a fragment.
     */
    private static String withoutSecrets(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
