package io.autoscalebot.plugin.heroku.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to talk to the Platform API about one app.
 *
 * @param apiUrl the API's base, {@code https://api.heroku.com}
 * @param app the app's name or id
 * @param token the API token, sent as a bearer token; never shown
 * @param timeout the longest time one call may take in all: its attempts, the backoff between them and the waits to
 *     spare the API budget
 * @param maxRetries how many times a 429, 5xx or unreachable API is retried
 * @param rateLimitReserve the API tokens of the account to leave to others
 */
public record HerokuConnection(URI apiUrl, String app, String token, Duration timeout, int maxRetries,
                               int rateLimitReserve) {

    /** Checks the parts. */
    public HerokuConnection {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** @return {@code /apps/{app}}, the prefix of every path about the app */
    public String appPath() {
        return "/apps/" + app;
    }

    /** Shows everything but the token. */
    @Override
    public String toString() {
        return "HerokuConnection[apiUrl=" + apiUrl + ", app=" + app + ", token=****, timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", rateLimitReserve=" + rateLimitReserve + "]";
    }
}
