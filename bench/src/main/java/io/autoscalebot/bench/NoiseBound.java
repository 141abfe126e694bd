package io.autoscalebot.bench;

import io.autoscalebot.simulate.MeasuredQuantity;
import io.autoscalebot.simulate.SimulationModel;
import io.autoscalebot.simulate.model.Demand;
import io.autoscalebot.simulate.model.Oracle;
import io.autoscalebot.simulate.model.Replay;
import io.autoscalebot.simulate.trace.MissingSteps;
import io.autoscalebot.simulate.trace.Trace;
import io.autoscalebot.simulate.trace.TraceReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * How cheap can a policy be that does not know each minute's own arrival count (issue 11)? This replays an imaginary
 * policy that is told, every minute and in time (no boot delay), the load's level: the mean arrival rate over the k
 * minutes either side of minute t, with or without t itself ({@link Level}). That is more than any causal policy knows
 * (it sees k minutes of the future), but, without t, nothing of the minute's own noise. It runs
 * {@code c(t) = d(spared(level(t)))} and the sweep finds the least spare whose SLO-broken minutes (minutes with
 * {@code d(t) > c(t)}) stay within a limit. Its cost over the oracle's is a lower bound for any policy of that
 * information class using that rule: if it exceeds a goal, no tuning reaches it. A trailing level (the k minutes
 * before t, processes booting in no time) is the causal counterpart, for contrast.
 *
 * <p>Three spare rules: a share of the level, {@code level x (1 + h)} (a plain headroom); a number z of Poisson
 * standard deviations of the minute's count, {@code level + z sqrt(level x scale / 60)}, the same quantile at every
 * level when the noise is Poisson-like (its spread grows as the square root of the load); and the cheapest of all
 * functions of the level, fitted to the trace after the fact ({@link #fitted}).
 *
 * <p>The model is the simulate module's own: its trace reader (missing steps as zero), its resampling to 1-minute ticks
 * and load scale, its demand d(t) (M/M/c, 5 requests/s a process, 500 ms mean, at least one process) and the
 * oracle's billing ({@link Oracle#billedProcessHours}, the real boot time for each start), with which the bound's
 * supply is billed too.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' io.autoscalebot.bench.NoiseBound TRACE SCALE LIMIT K...</pre>
 */
public final class NoiseBound {

    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration BOOT = Duration.ofSeconds(60);

    /** The rate a rule provisions for, given the level and the spare parameter. */
    interface Spare {
        double rate(double level, double parameter);
    }

    /** One point of the sweep: the spare parameter, the supply's billed and bare process-hours, its broken minutes. */
    record Point(double parameter, double processHours, double bareProcessHours, int brokenMinutes) {
    }

    private NoiseBound() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: NoiseBound TRACE.csv SCALE SLO_BROKEN_LIMIT K...");
            System.exit(2);
        }
        Path csv = Path.of(args[0]);
        double scale = Double.parseDouble(args[1]);
        int limit = Integer.parseInt(args[2]);
        if (limit < 0) {
            System.err.println("NoiseBound: SLO_BROKEN_LIMIT is a number of minutes, 0 or more; got " + limit);
            System.exit(2);
        }
        Trace ticks = new TraceReader(MissingSteps.ZERO, ZoneOffset.UTC).read(csv).resampled(STEP, scale);
        // The model decision-quality.sh gives simulate: --capacity 5 --boot 60s --slo 500ms --kind web.
        Demand demand = new SimulationModel(5, BOOT, scale, Duration.ofMillis(500), Replay.GroupKind.WEB,
                MeasuredQuantity.UTILISATION, OptionalInt.empty()).demand();
        double[] rates = new double[ticks.size()];
        for (int t = 0; t < rates.length; t++) {
            rates[t] = ticks.ratePerSecond(t);
        }
        int[] need = demand.over(ticks);
        double oracle = Oracle.billedProcessHours(need, STEP, BOOT);
        String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        System.out.printf(Locale.ROOT, "# %s x %s: %d minutes, oracle %.1f process-hours,"
                + " limit %d SLO-broken minutes%n", name, args[1], rates.length, oracle, limit);
        System.out.println("trace\tlevel\tk\trule\tparameter\tcost_x_oracle\tbare_cost_x_oracle"
                + "\tslo_broken_minutes\tprocess_hours");
        Spare share = (level, h) -> level * (1 + h);
        // sd of a Poisson count's rate: the minute holds level x 60 / scale raw requests, each worth scale / 60 req/s.
        Spare poisson = (level, z) -> level + z * Math.sqrt(level * scale / 60);
        for (int a = 3; a < args.length; a++) {
            int k = Integer.parseInt(args[a]);
            for (Level kind : Level.values()) {
                double[] level = kind.over(rates, k);
                for (String rule : new String[] {"share h", "poisson-sd z", "fitted lambda"}) {
                    Point p = rule.startsWith("fitted") ? fitted(need, level, limit)
                            : cheapest(demand, need, level, rule.startsWith("share") ? share : poisson, limit);
                    System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%s\t%.3f\t%.3f\t%.3f\t%d\t%.1f%n", name,
                            kind.label, k, rule, p.parameter(),
                            p.processHours() / oracle, p.bareProcessHours() / oracle, p.brokenMinutes(),
                            p.processHours());
                }
            }
        }
    }

    /** What the bound is told of the load at minute t: the mean rate over a window of minutes around or before it. */
    enum Level {
        /** {@code [t - k, t + k]}: as asked; it still carries a (2k + 1)th of minute t's own noise. */
        CENTRED("centred"),
        /** {@code [t - k, t + k]} but t: the k minutes either side, nothing of minute t's own count. */
        CENTRED_WITHOUT_T("centred without t"),
        /** {@code [t - k, t - 1]}: only the past, as a reactive policy knows it if processes booted in no time. */
        TRAILING("trailing");

        final String label;

        Level(String label) {
            this.label = label;
        }

        /** The level at every minute, the window clipped at the trace's ends. */
        double[] over(double[] rates, int k) {
            double[] prefix = new double[rates.length + 1];
            for (int t = 0; t < rates.length; t++) {
                prefix[t + 1] = prefix[t] + rates[t];
            }
            double[] level = new double[rates.length];
            for (int t = 0; t < rates.length; t++) {
                int from = Math.max(0, t - k);
                int to = switch (this) {
                    case CENTRED, CENTRED_WITHOUT_T -> Math.min(rates.length, t + k + 1);
                    case TRAILING -> t;
                };
                double sum = prefix[to] - prefix[from] - (this == CENTRED_WITHOUT_T ? rates[t] : 0);
                int minutes = to - from - (this == CENTRED_WITHOUT_T ? 1 : 0);
                // Minute 0 has no past: the trailing level starts from its own rate, as a replay's first processes do.
                level[t] = minutes > 0 ? sum / minutes : rates[t];
            }
            return level;
        }
    }

    /** Beyond this spare parameter (2^20: the level times a million) the limit counts as out of reach. */
    static final double MOST_SPARE = 1 << 20;

    /** The width of the level's bins, requests/s, for the rule fitted per level. */
    private static final double BIN = 0.5;

    /**
     * The cheapest rule of all that map the level (in bins of {@link #BIN} req/s) to a count, fitted to this trace:
     * each bin gets the count that minimises its process-minutes plus lambda per broken minute, lambda the least (to a
     * part in 10^6) keeping the whole trace within the limit. It knows the distribution of d(t) at each level after the
     * fact, which no policy does, so it bounds every rule of the two above and any other function of the level (up to
     * the bin's width; sparse top bins let it fit their few minutes, which only makes it cheaper).
     */
    static Point fitted(int[] need, double[] level, int limit) {
        int top = 0;
        int bins = 0;
        for (int t = 0; t < need.length; t++) {
            top = Math.max(top, need[t]);
            bins = Math.max(bins, (int) (level[t] / BIN) + 1);
        }
        // minutes[b][c]: minutes of bin b needing exactly c processes.
        int[][] minutes = new int[bins][top + 1];
        for (int t = 0; t < need.length; t++) {
            minutes[(int) (level[t] / BIN)][need[t]]++;
        }
        // Past need.length + 1 a broken minute outweighs the process-minutes of any bin (at most need.length), so
        // every bin covers all its minutes: no broken minute, whatever the limit, the start is a point within it.
        double low = 0;
        double high = need.length + 1.0;
        int[] best = choose(minutes, high);
        while (high - low > 1e-6 * high) {
            double middle = (low + high) / 2;
            int[] counts = choose(minutes, middle);
            if (broken(minutes, counts) <= limit) {
                high = middle;
                best = counts;
            } else {
                low = middle;
            }
        }
        int[] supply = new int[need.length];
        int broken = 0;
        long processMinutes = 0;
        for (int t = 0; t < need.length; t++) {
            supply[t] = best[(int) (level[t] / BIN)];
            broken += need[t] > supply[t] ? 1 : 0;
            processMinutes += supply[t];
        }
        return new Point(high, Oracle.billedProcessHours(supply, STEP, BOOT), processMinutes / 60.0, broken);
    }

    /** Per bin, the count minimising its process-minutes plus {@code lambda} per broken minute. */
    private static int[] choose(int[][] minutes, double lambda) {
        int[] counts = new int[minutes.length];
        for (int b = 0; b < minutes.length; b++) {
            int total = 0;
            for (int n : minutes[b]) {
                total += n;
            }
            int above = total;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int c = 0; c < minutes[b].length; c++) {
                above -= minutes[b][c];
                double cost = (double) total * c + lambda * above;
                if (cost < bestCost) {
                    bestCost = cost;
                    counts[b] = c;
                }
            }
        }
        return counts;
    }

    private static int broken(int[][] minutes, int[] counts) {
        int broken = 0;
        for (int b = 0; b < minutes.length; b++) {
            for (int c = counts[b] + 1; c < minutes[b].length; c++) {
                broken += minutes[b][c];
            }
        }
        return broken;
    }

    /** The bound's supply at one spare parameter, billed as the oracle is, and its broken minutes. */
    static Point replay(Demand demand, int[] need, double[] level, Spare spare, double parameter) {
        int[] supply = new int[need.length];
        int broken = 0;
        long processMinutes = 0;
        for (int t = 0; t < need.length; t++) {
            supply[t] = demand.processesFor(spare.rate(level[t], parameter));
            // The minute's mean response time exceeds the SLO exactly when it needs more processes than run.
            broken += need[t] > supply[t] ? 1 : 0;
            processMinutes += supply[t];
        }
        return new Point(parameter, Oracle.billedProcessHours(supply, STEP, BOOT), processMinutes / 60.0, broken);
    }

    /**
     * The least spare parameter (to 0.001) whose broken minutes are within the limit. More spare never breaks more
     * minutes nor costs less (d is monotone in the rate), so bisection finds the cheapest qualifying point.
     */
    static Point cheapest(Demand demand, int[] need, double[] level, Spare spare, int limit) {
        Point zero = replay(demand, need, level, spare, 0);
        if (zero.brokenMinutes() <= limit) {
            return zero;
        }
        double low = 0;
        double high = 1;
        Point best = replay(demand, need, level, spare, high);
        while (best.brokenMinutes() > limit) {
            // A minute whose level is 0 gets no spare from a rule that scales the level: no parameter covers it.
            if (high >= MOST_SPARE) {
                throw new IllegalArgumentException("no spare parameter up to " + MOST_SPARE + " keeps within "
                        + limit + " SLO-broken minutes: " + best.brokenMinutes() + " minutes stay broken");
            }
            low = high;
            high *= 2;
            best = replay(demand, need, level, spare, high);
        }
        while (high - low > 0.0005) {
            double middle = (low + high) / 2;
            Point p = replay(demand, need, level, spare, middle);
            if (p.brokenMinutes() <= limit) {
                high = middle;
                best = p;
            } else {
                low = middle;
            }
        }
        return best;
    }
}
