package io.autoscalebot.probe;

import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The measurement URL's core: runs the checks the app registered, one after another like a real request would, each
 * with its own timeout, and reports each one's time and outcome, plus the queue time figures. Java's counterpart of
 * the original autoscalebot's Django "test view".
 *
 * <pre>{@code
 * QueueTime queueTime = QueueTime.create(Clock.systemUTC());
 * Probe probe = Probe.builder()
 *         .check("database", Duration.ofSeconds(2), () -> jdbc.queryForObject("SELECT 1", Integer.class))
 *         .check("disk", Duration.ofSeconds(1), () -> Files.writeString(scratch, "probe", SYNC))
 *         .queueTime(queueTime)
 *         .build();
 * server.createContext("/autoscale/probe", probe.handler());
 * server.createContext("/", queueTime.wrap(appHandler));
 * }</pre>
 *
 * <p>A failing check never fails the probe: it is reported as data, and the others still run. Thread-safe.
 */
public final class Probe {

    /** The timeout of a check registered without one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(Probe.class.getName());

    private final List<TimedCheck> checks;
    private final Optional<QueueTime> queueTime;
    private final LongSupplier nanoTime;
    private final ExecutorService runner;

    private Probe(Builder builder) {
        // Fresh copies: two probes built from one builder must not share which of their checks are overdue.
        this.checks = builder.checks.values().stream().map(TimedCheck::copy).toList();
        this.queueTime = Optional.ofNullable(builder.queueTime);
        this.nanoTime = builder.nanoTime;
        AtomicInteger threads = new AtomicInteger();
        // Daemon threads: a check that never returns must not keep the app from exiting. Cached: idle ones go away.
        this.runner = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "autoscalebot-probe-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return a builder with no checks and no queue time recorder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every check.
     *
     * @return each check's result and the queue time figures
     */
    public ProbeResult run() {
        return run(true);
    }

    /**
     * @param runChecks false to skip the checks and report only queue time and in-flight requests: cheap enough to
     *     poll often, and always status 200, which {@code app-decision} needs
     * @return the results
     */
    public ProbeResult run(boolean runChecks) {
        List<CheckResult> results = new ArrayList<>();
        long start = nanoTime.getAsLong();
        if (runChecks) {
            for (TimedCheck check : checks) {
                results.add(check.run(runner, nanoTime, LOG));
            }
        }
        double total = (nanoTime.getAsLong() - start) / 1e6;
        return new ProbeResult(results, Math.max(total, 0), queueTime.map(QueueTime::snapshot));
    }

    /**
     * @return the JDK server's handler for the measurement URL: GET (or HEAD) runs the checks and answers
     *     {@link ProbeResult#toJson()} with {@link ProbeResult#status()}; {@code ?checks=none} skips the checks
     */
    public HttpHandler handler() {
        return new ProbeHandler(this);
    }

    /** Registers checks and the queue time recorder; not thread-safe, and {@link #build()} copies what it holds. */
    public static final class Builder {

        // Names become JSON keys and JSON Pointer segments (/checks/database/ms): keep them plain.
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

        private final Map<String, TimedCheck> checks = new LinkedHashMap<>();
        private QueueTime queueTime;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * @param name the check's name in the JSON: letters, digits, '_', '.' or '-', at most 64, unique
         * @param check the work
         * @return this builder
         */
        public Builder check(String name, Check check) {
            return check(name, DEFAULT_TIMEOUT, check);
        }

        /**
         * @param name the check's name in the JSON: letters, digits, '_', '.' or '-', at most 64, unique
         * @param timeout how long the check may take; a slower one is reported failed and interrupted
         * @param check the work
         * @return this builder
         */
        public Builder check(String name, Duration timeout, Check check) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(check, "check");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("check name \"" + name + "\" must be 1 to 64 letters, digits, '_',"
                        + " '.' or '-', because it becomes a JSON key and a JSON Pointer segment, like \"database\"");
            }
            if (checks.containsKey(name)) {
                throw new IllegalArgumentException("a check named \"" + name + "\" is already registered; give each"
                        + " check its own name");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the timeout of check \"" + name + "\" must be longer than zero,"
                        + " was " + timeout);
            }
            checks.put(name, new TimedCheck(name, timeout, check));
            return this;
        }

        /**
         * @param recorder the recorder whose figures the probe reports ({@code in_flight}, {@code queue_time_ms})
         * @return this builder
         */
        public Builder queueTime(QueueTime recorder) {
            this.queueTime = Objects.requireNonNull(recorder, "recorder");
            return this;
        }

        // Tests time checks with a ticker of their own, so the figures in the JSON are known in advance.
        Builder nanoTime(LongSupplier ticker) {
            this.nanoTime = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** @return the probe */
        public Probe build() {
            return new Probe(this);
        }
    }
}
