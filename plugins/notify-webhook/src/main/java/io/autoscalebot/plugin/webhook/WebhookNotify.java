package io.autoscalebot.plugin.webhook;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * POSTs each notification to the webhook, trying again on 408, 429, 5xx and failed connections while the call's time
 * lasts, and never following a redirect: a token in the URL or a header must not travel to another host.
 *
 * <p>Every failure is a {@link PluginException} whose message names the webhook by scheme and host only, and has every
 * form of every secret (URL, header values) masked, even where the server echoed one.
 */
final class WebhookNotify implements Notify {

    /** At most this much of a server's answer is read, and shown, so a huge error page costs nothing. */
    static final int MOST_ANSWER_CHARS = 200;
    private static final int MOST_ANSWER_BYTES = 4096;
    private static final String USER_AGENT = "autoscalebot-webhook/1.0";

    private final WebhookSettings settings;
    private final Clock clock;
    private final Pause pause;
    private final Secrets secrets;
    private final HttpClient client;

    /**
     * @param settings the checked settings
     * @param clock the engine's clock, which bounds the call
     * @param pause how to wait between tries
     */
    WebhookNotify(WebhookSettings settings, Clock clock, Pause pause) {
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.secrets = settings.secrets();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                // One short POST per event: HTTP/1.1 everywhere, and no h2c upgrade dance with plain-HTTP receivers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public void notify(Notification notification) throws PluginException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url().uri())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Payload.of(notification, settings.textPrefix())));
        for (Header header : settings.headers()) {
            request.header(header.name(), header.value());
        }
        Instant deadline = deadline();
        for (int tries = 1; ; tries++) {
            Outcome outcome = post(request.timeout(Duration.between(clock.instant(), deadline)).build());
            if (outcome.kind() == Outcome.Kind.DELIVERED) {
                return;
            }
            if (outcome.kind() == Outcome.Kind.FAILED) {
                throw failure(outcome.reason());
            }
            Duration wait = outcome.retryAfter().orElse(Retries.backoff(tries));
            // The next try needs time of its own: it starts only if it can start before the deadline.
            if (!clock.instant().plus(wait).isBefore(deadline)) {
                throw gaveUp(tries, outcome, outcome.retryAfter().isPresent() ? wait : null);
            }
            pause.pause(wait);
            if (!clock.instant().isBefore(deadline)) {
                // Woken late: a busy machine overslept the wait.
                throw gaveUp(tries, outcome, null);
            }
        }
    }

    private PluginException gaveUp(int tries, Outcome last, Duration askedWait) {
        return failure("did not take the notification in " + tries + (tries == 1 ? " try" : " tries") + " within the "
                + human(settings.timeout()) + " of setting 'timeout'"
                + (askedWait == null ? "" : ": it asked to wait " + human(askedWait) + " first")
                + " (last try: " + last.reason() + ")");
    }

    /**
     * When this call must be over. For now the {@code timeout} setting, counted from the call's start; once the engine
     * hands plugins the call's own deadline, this is the one place to take the earlier of the two.
     */
    private Instant deadline() {
        return clock.instant().plus(settings.timeout());
    }

    private Outcome post(HttpRequest request) throws InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            // Each try may take what remains of the call, so a try that ran out of time used up the call's too.
            return Outcome.failed("did not answer within the " + human(settings.timeout()) + " of setting 'timeout'; "
                    + "check that the webhook's host answers, or raise the timeout");
        } catch (ConnectException e) {
            return Outcome.retry("cannot connect" + cause(e) + "; check the host and port in setting 'url'",
                    Optional.empty());
        } catch (SSLException e) {
            return Outcome.failed("TLS failed" + cause(e) + "; check that the URL's host serves HTTPS with a "
                    + "certificate this JVM trusts");
        } catch (IOException e) {
            return Outcome.retry("the connection failed" + cause(e), Optional.empty());
        }
        int status = response.statusCode();
        String answer = answer(response.body());
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        String said = "answered HTTP " + status + answer;
        if (status >= 300 && status < 400) {
            return Outcome.failed(said + ", a redirect" + location(response) + ", which is not followed so that no "
                    + "token reaches another address; set 'url' to the address it redirects to");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Outcome.retry(said, Retries.retryAfter(response.headers().firstValue("Retry-After"),
                    clock.instant()));
        }
        return Outcome.failed(said + hint(status));
    }

    private static String hint(int status) {
        switch (status) {
            case 401:
            case 403:
                return "; check the credentials in setting 'headers' (or the token in setting 'url')";
            case 404:
            case 410:
                return "; check setting 'url': the webhook does not exist (any more)";
            case 400:
            case 422:
                return "; the webhook refused the JSON body, so it may expect another format than Slack's \"text\"";
            default:
                return "; check settings 'url' and 'headers'";
        }
    }

    /** Names only the host a redirect points to: its path may hold a token as well. */
    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(location -> {
            try {
                URI target = response.request().uri().resolve(location);
                return target.getHost() == null ? "" : " to host " + target.getHost();
            } catch (IllegalArgumentException e) {
                return "";
            }
        }).orElse("");
    }

    /** Reads the start of the answer as one line, secrets masked before it is cut, so no part of one is left. */
    private String answer(InputStream body) {
        String text;
        try (InputStream in = body) {
            text = new String(in.readNBytes(MOST_ANSWER_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        String line = secrets.scrub(text).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (line.isEmpty()) {
            return "";
        }
        return " (\"" + (line.length() > MOST_ANSWER_CHARS ? line.substring(0, MOST_ANSWER_CHARS) + "..." : line)
                + "\")";
    }

    private static String cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return " (" + cause.getMessage().strip() + ")";
            }
        }
        return "";
    }

    private PluginException failure(String reason) {
        return new PluginException(secrets.scrub("the webhook at " + settings.url().redacted() + " " + reason));
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** What one try came to. */
    private record Outcome(Kind kind, String reason, Optional<Duration> retryAfter) {

        static final Outcome DELIVERED = new Outcome(Kind.DELIVERED, "", Optional.empty());

        enum Kind { DELIVERED, RETRY, FAILED }

        static Outcome retry(String reason, Optional<Duration> retryAfter) {
            return new Outcome(Kind.RETRY, reason, retryAfter);
        }

        static Outcome failed(String reason) {
            return new Outcome(Kind.FAILED, reason, Optional.empty());
        }
    }
}
