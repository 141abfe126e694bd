package io.autoscalebot.simulate.model;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.util.Objects;

/**
 * An app as a queue: requests arrive at rate lambda (Poisson) and are served by c processes of capacity mu requests per
 * second each (exponential service). Web response times follow M/M/c; a worker group's queue is a backlog that grows by
 * (arrivals - capacity) x dt and drains. A process started at t serves from t + {@link #boot()}.
 *
 * @param serviceRate mu: requests one process completes per second when busy
 * @param boot how long a new process takes before it serves
 */
public record QueueModel(double serviceRate, Duration boot) {

    /** Checks the parameters. */
    public QueueModel {
        Objects.requireNonNull(boot, "boot");
        if (!(serviceRate > 0) || Double.isInfinite(serviceRate)) {
            throw new IllegalArgumentException("the per-process capacity mu must be a number of requests per second"
                    + " greater than 0, got " + serviceRate);
        }
        if (boot.isNegative()) {
            throw new IllegalArgumentException("boot time must be 0s or more, got " + boot);
        }
    }

    /**
     * Erlang C: the probability that an arriving request waits, with {@code servers} servers and offered load
     * {@code load} = lambda / mu erlangs.
     *
     * <p>Computed from Erlang B's recurrence {@code B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))}, then
     * {@code C = c B / (c - a (1 - B))}. Every term stays in [0, 1], so it neither overflows nor cancels for thousands
     * of servers, unlike the textbook form with {@code a^c / c!}.
     *
     * @param servers c, 0 or more
     * @param load a, in erlangs, 0 or more
     * @return C(c, a) in [0, 1]; 1 when {@code load >= servers} (every request waits, the queue grows without bound)
     */
    public static double erlangC(int servers, double load) {
        if (servers < 0 || !(load >= 0)) {
            throw new IllegalArgumentException("Erlang C needs servers >= 0 and load >= 0, got " + servers + " and "
                    + load);
        }
        if (load >= servers) {
            return 1;
        }
        double blocking = 1;
        for (int k = 1; k <= servers; k++) {
            blocking = load * blocking / (k + load * blocking);
        }
        return erlangCFromB(servers, load, blocking);
    }

    private static double erlangCFromB(int servers, double load, double blocking) {
        return servers * blocking / (servers - load * (1 - blocking));
    }

    /**
     * @param servers processes serving
     * @param arrivalRate lambda, requests per second
     * @return the probability a request waits for a free process
     */
    public double waitProbability(int servers, double arrivalRate) {
        return erlangC(servers, arrivalRate / serviceRate);
    }

    /**
     * The M/M/c mean time in system: {@code W = 1/mu + C(c, a) / (c mu - lambda)}.
     *
     * @param servers processes serving
     * @param arrivalRate lambda, requests per second
     * @return seconds; infinite when {@code lambda >= c mu} (the queue grows without bound); with no arrivals, the
     *     service time {@code 1/mu}, or 0 when no process runs either (no request is kept waiting)
     */
    public double responseTime(int servers, double arrivalRate) {
        if (arrivalRate <= 0) {
            return servers > 0 ? 1 / serviceRate : 0;
        }
        double capacity = servers * serviceRate;
        if (arrivalRate >= capacity) {
            return Double.POSITIVE_INFINITY;
        }
        return 1 / serviceRate + waitProbability(servers, arrivalRate) / (capacity - arrivalRate);
    }

    /**
     * The fewest servers whose mean response time is at most {@code maxResponseSeconds}, found by growing c one at a
     * time with Erlang B's recurrence, so the search costs O(c) in all.
     *
     * @param arrivalRate lambda, requests per second, 0 or more
     * @param maxResponseSeconds the response time to meet; must exceed the service time {@code 1/mu}
     * @return the fewest servers, 0 when nothing arrives
     */
    public int fewestServers(double arrivalRate, double maxResponseSeconds) {
        if (!(maxResponseSeconds > 1 / serviceRate)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a response time of %.0f ms cannot be met: one request alone takes 1/mu = %.0f ms to serve;"
                            + " raise the target or the per-process capacity", maxResponseSeconds * 1000,
                    1000 / serviceRate));
        }
        if (arrivalRate <= 0) {
            return 0;
        }
        double load = arrivalRate / serviceRate;
        double blocking = 1;
        for (int servers = 1; servers > 0; servers++) {
            blocking = load * blocking / (servers + load * blocking);
            if (servers > load) {
                double waiting = erlangCFromB(servers, load, blocking);
                if (1 / serviceRate + waiting / (servers * serviceRate - arrivalRate) <= maxResponseSeconds) {
                    return servers;
                }
            }
        }
        throw new IllegalStateException("no count of processes up to " + Integer.MAX_VALUE + " meets "
                + maxResponseSeconds + "s at " + arrivalRate + " requests/s");
    }

    /**
     * Arrivals over capacity, not capped at 1: an overloaded app reads 1.8 when 80% more arrives than it serves, as
     * Kubernetes reports CPU above the requests, so a policy can see how far behind it is.
     *
     * @param servers processes serving
     * @param arrivalRate lambda, requests per second
     * @return {@code lambda / (c mu)}; with no process serving, {@code lambda / mu} (the load as one process would
     *     carry it, so still finite and growing with the load); 0 when nothing arrives
     */
    public double utilisation(int servers, double arrivalRate) {
        if (arrivalRate <= 0) {
            return 0;
        }
        return arrivalRate / (Math.max(servers, 1) * serviceRate);
    }

    /**
     * A worker group's queue after one step: it grows by what arrives beyond capacity and drains by spare capacity.
     *
     * @param backlog tasks waiting at the start of the step
     * @param servers processes serving during the step
     * @param arrivalRate tasks arriving per second during the step
     * @param step the step's length
     * @return tasks waiting at its end, never below 0
     */
    public double backlogAfter(double backlog, int servers, double arrivalRate, Duration step) {
        return Math.max(0, backlog + (arrivalRate - servers * serviceRate) * Trace.seconds(step));
    }

    /**
     * @param backlog tasks waiting
     * @param servers processes serving
     * @return seconds until a task queued now is done, first in first out: the backlog's drain time plus its own
     *     service; infinite when a backlog waits and no process serves
     */
    public double backlogResponseTime(double backlog, int servers) {
        if (servers == 0) {
            return backlog > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return backlog / (servers * serviceRate) + 1 / serviceRate;
    }
}
