package io.autoscalebot.plugin.responsetime;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Times one GET per measurement. */
final class ResponseTimeMeasure implements Measure {

    private static final String UNIT = "ms";

    private final Target target;
    private final Duration timeout;
    private final int expectedStatus;
    private final OnFailure onFailure;
    private final PluginContext context;
    private final HttpClient client;
    private final HttpRequest request;

    ResponseTimeMeasure(Target target, Duration timeout, int expectedStatus, OnFailure onFailure,
                        PluginContext context) {
        this.target = target;
        this.timeout = timeout;
        this.expectedStatus = expectedStatus;
        this.onFailure = onFailure;
        this.context = context;
        // A redirect is reported as its status rather than followed, so expected_status means what it says.
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.request()).GET().timeout(timeout)
                .header("User-Agent", "autoscalebot-response-time");
        target.authorization().ifPresent(value -> builder.header("Authorization", value));
        this.request = builder.build();
    }

    @Override
    public Measurement measure() throws InterruptedException {
        Instant time = context.clock().instant();
        long started = System.nanoTime();
        String problem = problemWithOneGet();
        if (problem == null) {
            return Measurement.of(time, Math.round((System.nanoTime() - started) / 1_000_000.0), UNIT);
        }
        if (onFailure == OnFailure.FAIL) {
            return Measurement.failed(time, problem);
        }
        double slowest = timeout.toMillis();
        context.logger().log(System.Logger.Level.WARNING, problem + "; counting it as " + (long) slowest + " " + UNIT
                + " (on_failure = \"slow\")");
        return Measurement.of(time, slowest, UNIT);
    }

    /** Releases the HTTP client's connections and selector thread, on a JDK whose client can be closed (21 and later). */
    @Override
    public void teardown() throws Exception {
        if (client instanceof AutoCloseable) {
            ((AutoCloseable) client).close();
        }
    }

    /** @return what went wrong with one timed GET, or {@code null} when it returned the expected status */
    private String problemWithOneGet() throws InterruptedException {
        // The future bounds the whole exchange, body included; the request timeout alone stops at the headers.
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS).statusCode();
            return status == expectedStatus ? null
                    : "GET " + target.shown() + " returned " + status + ", expected " + expectedStatus;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timedOut();
        } catch (ExecutionException e) {
            return describe(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (causedBy(failure, UnresolvedAddressException.class)) {
            return "GET " + target.shown() + ": host " + target.request().getHost() + " not found";
        }
        if (failure instanceof ConnectException) {
            return "GET " + target.shown() + ": " + firstMessage(failure, "connection refused");
        }
        if (failure instanceof IOException) {
            return "GET " + target.shown() + " failed: " + firstMessage(failure, failure.getClass().getSimpleName());
        }
        return "GET " + target.shown() + " failed unexpectedly: " + failure;
    }

    private String timedOut() {
        return "GET " + target.shown() + " timed out after " + human(timeout);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The JDK client often wraps the OS's words ("Connection refused") in an exception without a message. */
    private static String firstMessage(Throwable failure, String fallback) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String message = t.getMessage();
                return Character.toLowerCase(message.charAt(0)) + message.substring(1);
            }
        }
        return fallback;
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
