package io.autoscalebot.plugin.heroku.measure;

import io.autoscalebot.api.PluginException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connected log session stream ({@code logplex_url}), watched for the router line of one request.
 *
 * <p>Lines are consumed as they arrive by a {@link Flow.Subscriber} on the HTTP client's own threads: nothing blocks
 * while reading, and {@link #close()} cancels the exchange, so an unanswered wait leaves nothing behind. A {@code
 * tail=true} stream never ends by itself: every way out of {@link #connect} but success closes it, an interrupt (how the
 * engine enforces its timeout) included, or each such tick would leak a connection.
 */
final class RouterLogStream implements AutoCloseable {

    private final String requestId;
    private final CompletableFuture<Long> serviceMillis = new CompletableFuture<>();
    private final CompletableFuture<Integer> connected = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<?> exchange;
    private volatile boolean closed;

    private RouterLogStream(String requestId) {
        this.requestId = requestId;
    }

    /**
     * Connects to the stream and waits until its headers arrived, so that no line logged afterwards is missed.
     *
     * @param http the client
     * @param logplexUrl the session's stream, a secret of its own: never shown
     * @param requestId the request whose router line is wanted
     * @param timeout the longest wait for the stream to answer
     * @return the connected stream
     * @throws PluginException if it did not answer 200 in time
     * @throws InterruptedException if the engine gave up meanwhile
     */
    static RouterLogStream connect(HttpClient http, URI logplexUrl, String requestId, Duration timeout)
            throws PluginException, InterruptedException {
        RouterLogStream stream = new RouterLogStream(requestId);
        HttpRequest request = HttpRequest.newBuilder(logplexUrl).GET().build();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, info -> {
            stream.connected.complete(info.statusCode());
            return info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.fromLineSubscriber(stream.new LineWatcher(), ignored -> null,
                            StandardCharsets.UTF_8, null)
                    : HttpResponse.BodySubscribers.discarding();
        });
        stream.exchange = response;
        response.whenComplete((ignored, failure) -> {
            if (failure != null) {
                stream.connected.completeExceptionally(failure);
            }
        });
        try {
            int status = stream.connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (status != 200) {
                stream.close();
                throw new PluginException("the Heroku log session stream answered HTTP " + status
                        + " instead of 200; the session may have expired, try again");
            }
            return stream;
        } catch (TimeoutException e) {
            stream.close();
            throw new PluginException("the Heroku log session stream did not answer within " + timeout.toMillis()
                    + " ms; raise timeout or check the network");
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            stream.close();
            throw new PluginException("could not connect to the Heroku log session stream ("
                    + e.getCause().getClass().getSimpleName() + "); check the network", e.getCause());
        }
    }

    /**
     * Waits for the router line of the request.
     *
     * @param timeout the longest wait
     * @return the line's service time, or empty if it did not arrive in time
     * @throws PluginException if the stream ended or failed before the line arrived
     * @throws InterruptedException if the engine gave up meanwhile
     */
    OptionalLong awaitServiceMillis(Duration timeout) throws PluginException, InterruptedException {
        try {
            return OptionalLong.of(serviceMillis.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return OptionalLong.empty();
        } catch (ExecutionException e) {
            throw new PluginException("the Heroku log stream " + e.getCause().getMessage()
                    + " before the router line of request " + requestId + " arrived; try again");
        }
    }

    /** Stops the stream: cancels the body's subscription and the exchange, which closes the connection. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        CompletableFuture<?> pending = exchange;
        if (pending != null) {
            pending.cancel(true);
        }
    }

    /** Watches each line for the request's router line and stops the stream once it is found. */
    private final class LineWatcher implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            if (closed) {
                newSubscription.cancel();
            } else {
                newSubscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            OptionalLong service = RouterLine.serviceMillis(line, requestId);
            if (service.isPresent() && serviceMillis.complete(service.getAsLong())) {
                close();
            }
        }

        @Override
        public void onError(Throwable failure) {
            serviceMillis.completeExceptionally(new IllegalStateException("failed ("
                    + failure.getClass().getSimpleName() + ")"));
        }

        @Override
        public void onComplete() {
            serviceMillis.completeExceptionally(new IllegalStateException("ended"));
        }
    }
}
