package io.autoscalebot.simulate;

import io.autoscalebot.simulate.model.Provisioning;
import io.autoscalebot.simulate.trace.Trace;
import java.time.Instant;
import java.util.Objects;

/**
 * A simulation tick by tick, for charts and machines: the demand d(t), the simulated supply s(t), the oracle's supply,
 * the value the decide plugin was fed, and whether the SLO held. Immutable.
 */
public final class Timeline {

    private final long[] epochSeconds;
    private final int[] demand;
    private final int[] supply;
    private final int[] oracle;
    private final double[] measured;
    private final boolean[] sloBroken;

    /**
     * @param epochSeconds the start of each tick
     * @param demand d(t), processes the SLO needed
     * @param supply s(t), processes running (billed) under the simulated policy
     * @param oracle processes the oracle ran
     * @param measured what the decide plugin was fed at the end of each tick
     * @param sloBroken whether the mean response time exceeded the SLO during each tick
     */
    public Timeline(long[] epochSeconds, int[] demand, int[] supply, int[] oracle, double[] measured,
                    boolean[] sloBroken) {
        this.epochSeconds = epochSeconds.clone();
        this.demand = demand.clone();
        this.supply = supply.clone();
        this.oracle = oracle.clone();
        this.measured = measured.clone();
        this.sloBroken = sloBroken.clone();
        int size = epochSeconds.length;
        if (size == 0 || demand.length != size || supply.length != size || oracle.length != size
                || measured.length != size || sloBroken.length != size) {
            throw new IllegalArgumentException("a timeline needs one value of each series per tick, at least one tick;"
                    + " got " + size + " times, " + demand.length + " demands, " + supply.length + " supplies, "
                    + oracle.length + " oracle supplies, " + measured.length + " measurements and " + sloBroken.length
                    + " SLO verdicts");
        }
    }

    /**
     * @param ticks the trace at the group's interval
     * @param run the simulated policy's replay of it
     * @param oracleRun the oracle's replay of it
     * @param measured what the decide plugin was fed, per tick
     * @param slo the mean response time the SLO allows
     * @return the timeline
     */
    public static Timeline of(Trace ticks, Provisioning run, Provisioning oracleRun, double[] measured,
                              java.time.Duration slo) {
        Objects.requireNonNull(ticks, "ticks");
        int size = ticks.size();
        long[] times = new long[size];
        int[] demand = new int[size];
        int[] supply = new int[size];
        int[] oracle = new int[size];
        boolean[] broken = new boolean[size];
        // The same test as ElasticityMetrics' SLO-broken minutes, so the marked spans add up to that figure.
        double sloSeconds = Trace.seconds(slo);
        for (int t = 0; t < size; t++) {
            times[t] = ticks.time(t).getEpochSecond();
            demand[t] = run.demand(t);
            supply[t] = run.supply(t);
            oracle[t] = oracleRun.supply(t);
            broken[t] = run.responseSeconds(t) > sloSeconds;
        }
        return new Timeline(times, demand, supply, oracle, measured, broken);
    }

    /** @return the number of ticks */
    public int size() {
        return epochSeconds.length;
    }

    /** @return the start of tick {@code index} */
    public Instant time(int index) {
        return Instant.ofEpochSecond(epochSeconds[index]);
    }

    /** @return d(t) at tick {@code index} */
    public int demand(int index) {
        return demand[index];
    }

    /** @return s(t) at tick {@code index} */
    public int supply(int index) {
        return supply[index];
    }

    /** @return the oracle's supply at tick {@code index} */
    public int oracle(int index) {
        return oracle[index];
    }

    /** @return the value the decide plugin was fed at tick {@code index} */
    public double measured(int index) {
        return measured[index];
    }

    /** @return whether the mean response time exceeded the SLO during tick {@code index} */
    public boolean sloBroken(int index) {
        return sloBroken[index];
    }

    /**
     * At most {@code points} points, each summing up a run of consecutive ticks and timed at the run's first, so a
     * chart of months of ticks stays small: the process counts by their largest value, the SLO as broken if any tick
     * broke it, keeping the peaks a fleet must
     * meet visible; the measurement by its mean, since one saturated tick in each run would otherwise paint a
     * bursty trace as saturated throughout.
     *
     * @param points the most points wanted, at least 1
     * @return this timeline when it is short enough, else the downsampled one
     */
    public Timeline downsample(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("a downsampled timeline needs at least 1 point, got " + points);
        }
        int size = size();
        if (size <= points) {
            return this;
        }
        int run = (size + points - 1) / points;
        int count = (size + run - 1) / run;
        long[] times = new long[count];
        int[] demands = new int[count];
        int[] supplies = new int[count];
        int[] oracles = new int[count];
        double[] values = new double[count];
        boolean[] broken = new boolean[count];
        for (int point = 0; point < count; point++) {
            int from = point * run;
            times[point] = epochSeconds[from];
            int to = Math.min(from + run, size);
            for (int t = from; t < to; t++) {
                demands[point] = Math.max(demands[point], demand[t]);
                supplies[point] = Math.max(supplies[point], supply[t]);
                oracles[point] = Math.max(oracles[point], oracle[t]);
                values[point] += measured[t] / (to - from);
                broken[point] |= sloBroken[t];
            }
        }
        return new Timeline(times, demands, supplies, oracles, values, broken);
    }
}
