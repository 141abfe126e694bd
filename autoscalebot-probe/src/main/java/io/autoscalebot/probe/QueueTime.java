package io.autoscalebot.probe;

import com.sun.net.httpserver.HttpHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request queue time and in-flight requests, for every request the app serves: how long each waited between the
 * router and the app ({@code X-Request-Start}, see {@link RequestStart}), over a sliding window, and how many are being
 * served right now. Queue time is the figure web autoscalers (HireFire, Judoscale) scale on: it rises as soon as the
 * app has too few processes, before the response time of any one request does.
 *
 * <p>Record each request with {@link #begin(String)} (any server) or {@link #wrap(HttpHandler)} (the JDK's server); read
 * the figures with {@link #snapshot()}, or let a {@link Probe} put them in its JSON. Thread-safe.
 */
public final class QueueTime {

    /** The default window: the newest minute of requests. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    /** The default number of requests kept; a busier window keeps its newest requests only. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Clock clock;
    private final Duration window;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong clamped = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();

    // A ring of (when seen, queue time) pairs; guarded by this. A lock is cheap next to serving a request, and a
    // snapshot (a sort of at most `capacity` numbers) happens only when the probe is asked.
    private final long[] seenAtMillis;
    private final double[] queueMillis;
    private int next;
    private int size;

    private QueueTime(Clock clock, Duration window, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be longer than zero, was " + window);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.seenAtMillis = new long[capacity];
        this.queueMillis = new double[capacity];
    }

    /**
     * @param clock the app's clock: compared with the router's time, so it should be the system clock in production
     * @return a recorder over the newest {@link #DEFAULT_WINDOW}, at most {@link #DEFAULT_CAPACITY} requests
     */
    public static QueueTime create(Clock clock) {
        return new QueueTime(clock, DEFAULT_WINDOW, DEFAULT_CAPACITY);
    }

    /**
     * @param clock the app's clock
     * @param window how far back the percentiles look
     * @param capacity the most requests kept; a window with more requests keeps only its newest
     * @return a recorder
     */
    public static QueueTime create(Clock clock, Duration window, int capacity) {
        return new QueueTime(clock, window, capacity);
    }

    /**
     * Records a request's queue time and counts it in flight until the returned handle is closed. Call it first thing
     * when the request arrives, and close the handle when the response is done (try-with-resources).
     *
     * @param requestStartHeader the request's {@code X-Request-Start}, or null when it has none
     * @return the handle that ends the request; closing it twice counts once
     */
    public InFlight begin(String requestStartHeader) {
        record(RequestStart.parse(requestStartHeader, clock.instant()));
        inFlight.incrementAndGet();
        return new InFlight(inFlight);
    }

    /**
     * @param handler the app's handler
     * @return a handler that records every request's queue time and counts it in flight while {@code handler} serves it
     */
    public HttpHandler wrap(HttpHandler handler) {
        return new QueueTimeHandler(this, handler);
    }

    /** @return how many requests are being served now (begun and not yet closed) */
    public int inFlight() {
        return inFlight.get();
    }

    /** @return the figures now: percentiles over the window, counters since this recorder was created */
    public Snapshot snapshot() {
        Instant now = clock.instant();
        long oldest = now.minus(window).toEpochMilli();
        double[] values;
        synchronized (this) {
            values = new double[size];
            int count = 0;
            for (int i = 0; i < size; i++) {
                int slot = Math.floorMod(next - 1 - i, seenAtMillis.length);
                if (seenAtMillis[slot] >= oldest) {
                    values[count++] = queueMillis[slot];
                }
            }
            values = Arrays.copyOf(values, count);
        }
        Arrays.sort(values);
        return new Snapshot(percentile(values, 50), percentile(values, 95),
                values.length == 0 ? 0 : values[values.length - 1], values.length, window,
                inFlight.get(), clamped.get(), garbage.get(), missing.get());
    }

    private void record(RequestStart start) {
        switch (start.outcome()) {
            case MISSING -> missing.incrementAndGet();
            case GARBAGE -> garbage.incrementAndGet();
            case CLAMPED -> {
                clamped.incrementAndGet();
                add(0);
            }
            case MEASURED -> add(start.millis());
            default -> throw new IllegalStateException("unknown outcome " + start.outcome());
        }
    }

    private void add(double millis) {
        long seenAt = clock.millis();
        synchronized (this) {
            seenAtMillis[next] = seenAt;
            queueMillis[next] = millis;
            next = (next + 1) % seenAtMillis.length;
            size = Math.min(size + 1, seenAtMillis.length);
        }
    }

    // Nearest rank: an actual queue time of a request, never an interpolation between two.
    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * The figures at one moment.
     *
     * @param p50Millis the median queue time over the window, 0 when no request in it had a usable header
     * @param p95Millis the 95th percentile (nearest rank)
     * @param maxMillis the longest
     * @param count how many requests in the window had a usable header (clamped ones included)
     * @param window how far back the percentiles look
     * @param inFlight requests being served now
     * @param negativeClamped since start: start times in the future (the router's clock ahead), counted as 0 ms
     * @param garbageIgnored since start: headers that were not a time near now, left out of the percentiles
     * @param withoutHeader since start: requests without the header (not routed, or the router does not set it)
     */
    public record Snapshot(double p50Millis, double p95Millis, double maxMillis, int count, Duration window,
            int inFlight, long negativeClamped, long garbageIgnored, long withoutHeader) {

        /** Checks the window is there. */
        public Snapshot {
            Objects.requireNonNull(window, "window");
        }
    }

    /** One request in flight; {@link #close()} ends it. */
    public static final class InFlight implements AutoCloseable {

        private final AtomicInteger counter;
        private final AtomicBoolean closed = new AtomicBoolean();

        private InFlight(AtomicInteger counter) {
            this.counter = counter;
        }

        /** Ends the request; only the first call counts, so a handle closed by two paths cannot go below zero. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                counter.decrementAndGet();
            }
        }
    }
}
