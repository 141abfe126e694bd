package io.autoscalebot.simulate.model;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.util.Objects;

/**
 * The demand d(t): the fewest processes that keep the mean response time within the SLO at the arrival rate of each
 * step, as the {@link QueueModel} predicts. It is what a perfect autoscaler would run, and what the elasticity metrics
 * compare the supply with.
 *
 * @param queue the app's queue model
 * @param slo the mean response time to meet; longer than one request's service time
 * @param minimum the fewest processes ever wanted, even with no arrivals (1 keeps a web group answering)
 */
public record Demand(QueueModel queue, Duration slo, int minimum) {

    /** Checks the SLO can be met at all. */
    public Demand {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(slo, "slo");
        if (minimum < 0) {
            throw new IllegalArgumentException("the minimum demand must be 0 or more, got " + minimum);
        }
        // Fails now, with the reason, rather than on the first step.
        queue.fewestServers(0, Trace.seconds(slo));
    }

    /**
     * @param arrivalRate lambda, requests per second
     * @return the fewest processes meeting the SLO, at least {@link #minimum()}
     */
    public int processesFor(double arrivalRate) {
        return Math.max(minimum, queue.fewestServers(arrivalRate, Trace.seconds(slo)));
    }

    /**
     * @param trace the workload
     * @return d(t) for every step of the trace
     */
    public int[] over(Trace trace) {
        int[] demand = new int[trace.size()];
        double previousRate = Double.NaN;
        for (int i = 0; i < demand.length; i++) {
            double rate = trace.ratePerSecond(i);
            // A trace resampled to a shorter interval repeats each rate; the Erlang search need not run again.
            demand[i] = rate == previousRate ? demand[i - 1] : processesFor(rate);
            previousRate = rate;
        }
        return demand;
    }
}
