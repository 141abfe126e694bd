package io.autoscalebot.simulate.model;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.util.Objects;

/**
 * What one replay produced, step by step: the supply s(t) of processes billed, the demand d(t) the SLO called for, and
 * the response time requests saw. The input of {@link ElasticityMetrics}. Immutable.
 */
public final class Provisioning {

    private final Duration step;
    private final int[] supply;
    private final int[] demand;
    private final double[] responseSeconds;
    // NaN: the cost is the sum of the supply; else the billed cost, when it is not whole steps (the oracle's boots).
    private final double billedProcessHours;

    /**
     * @param step the length of each step
     * @param supply processes running (billed) in each step
     * @param demand processes the SLO needed in each step
     * @param responseSeconds the mean response time in each step, possibly infinite
     */
    public Provisioning(Duration step, int[] supply, int[] demand, double[] responseSeconds) {
        this(step, supply, demand, responseSeconds, Double.NaN);
    }

    /**
     * A replay billed other than by whole steps of its supply.
     *
     * @param billedProcessHours the cost, in process-hours
     */
    Provisioning(Duration step, int[] supply, int[] demand, double[] responseSeconds, double billedProcessHours) {
        this.billedProcessHours = billedProcessHours;
        this.step = Objects.requireNonNull(step, "step");
        this.supply = supply.clone();
        this.demand = demand.clone();
        this.responseSeconds = responseSeconds.clone();
        if (supply.length != demand.length || supply.length != responseSeconds.length || supply.length == 0) {
            throw new IllegalArgumentException("supply, demand and response times need one value per step, at least"
                    + " one step; got " + supply.length + ", " + demand.length + " and " + responseSeconds.length);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("a step must be longer than 0s, got " + step);
        }
    }

    /** @return the length of each step */
    public Duration step() {
        return step;
    }

    /** @return the number of steps */
    public int size() {
        return supply.length;
    }

    /** @return s(t) at step {@code index} */
    public int supply(int index) {
        return supply[index];
    }

    /** @return d(t) at step {@code index} */
    public int demand(int index) {
        return demand[index];
    }

    /** @return the mean response time at step {@code index}, in seconds */
    public double responseSeconds(int index) {
        return responseSeconds[index];
    }

    /** @return the cost in process-hours: the sum of s(t) over the steps, unless the replay was billed otherwise */
    public double processHours() {
        if (!Double.isNaN(billedProcessHours)) {
            return billedProcessHours;
        }
        long processSteps = 0;
        for (int count : supply) {
            processSteps += count;
        }
        return processSteps * Trace.seconds(step) / 3600;
    }
}
