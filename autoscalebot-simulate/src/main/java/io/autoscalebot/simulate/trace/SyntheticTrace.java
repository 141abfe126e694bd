package io.autoscalebot.simulate.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A generated request trace, for choosing a policy's defaults on traffic other than the public traces it is then
 * judged on. Requests per minute are drawn as Poisson counts around a rate that multiplies:
 * <ul>
 *   <li>a daily season, {@code 1 + dailyAmplitude x cos(2 pi (hour - 14) / 24)}: busiest at 14:00 UTC;</li>
 *   <li>a weekly season: Saturdays and Sundays at {@code 1 - weekendDip};</li>
 *   <li>a slow ramp, linear from 1 at the start to {@code rampTo} at the end;</li>
 *   <li>a sudden step to {@code stepFactor} from {@code stepAt} (a share of the span) on;</li>
 *   <li>flash crowds: {@code flashCrowds} of them at random times, each rising within 2-5 minutes to
 *       {@code flashPeak} times the rate and decaying with a time constant of 10-40 minutes;</li>
 *   <li>noise: a multiplicative log-normal factor with standard deviation {@code noise} that persists (an AR(1) with
 *       a 10-minute time constant, as real traffic wanders rather than flickers), on top of the Poisson counts;</li>
 *   <li>flicker: an independent multiplicative log-normal factor each minute with standard deviation
 *       {@code flicker}. Real per-minute web traffic is burstier than Poisson counts of its mean (NASA's log swings
 *       about 1.8 times as much from one minute to the next), and the wander above is too slow to make that swing;
 *       the flicker adds roughly {@code flicker} of the load to the minute-to-minute swing that
 *       {@link #swing(double[])} measures. It draws nothing when 0, so traces without it are unchanged.</li>
 * </ul>
 * Deterministic: the same shape and seed give the same counts on every machine (one {@link SplittableRandom}).
 * The counts are drawn a minute at a time; {@code rowMinutes} above 1 writes them summed over that many minutes a row,
 * as some public traces are published (hourly page views), so a replay holds each row's rate for all its minutes.
 *
 * @param name the trace's name, also its file name without {@code .csv}
 * @param days the span, whole days from 2030-01-07 (a Monday) 00:00 UTC
 * @param meanPerMinute the base rate, requests per minute, before the factors
 * @param dailyAmplitude the daily season's swing, 0 to below 1
 * @param weekendDip how much quieter Saturday and Sunday are, 0 to below 1
 * @param rampTo the rate's factor at the end of a slow linear ramp; 1 for none
 * @param stepAt where the sudden step happens, as a share of the span; ignored when {@code stepFactor} is 1
 * @param stepFactor the rate's factor after the step; 1 for none
 * @param flashCrowds how many flash crowds
 * @param flashPeak a flash crowd's peak, as a factor of the rate at that time
 * @param noise the log-normal noise's standard deviation; 0 for Poisson counts alone
 * @param flicker the per-minute log-normal flicker's standard deviation; 0 for none
 * @param seed the random seed
 * @param rowMinutes minutes a row of the written trace sums, dividing a day; 1 for one row a minute
 */
public record SyntheticTrace(String name, int days, double meanPerMinute, double dailyAmplitude, double weekendDip,
                             double rampTo, double stepAt, double stepFactor, int flashCrowds, double flashPeak,
                             double noise, double flicker, long seed,
                             int rowMinutes) {

    /** 2030-01-07 00:00 UTC, a Monday, so the weekly season starts at the week's start. */
    public static final Instant START = Instant.parse("2030-01-07T00:00:00Z");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double NOISE_MINUTES = 10;

    /** Checks the shape. */
    public SyntheticTrace {
        Objects.requireNonNull(name, "name");
        if (days < 1 || !(meanPerMinute > 0) || !(dailyAmplitude >= 0 && dailyAmplitude < 1)
                || !(weekendDip >= 0 && weekendDip < 1) || !(rampTo > 0) || !(stepAt >= 0 && stepAt <= 1)
                || !(stepFactor > 0) || flashCrowds < 0 || !(flashPeak >= 1) || !(noise >= 0)
                || !(flicker >= 0) || rowMinutes < 1 || 24 * 60 % rowMinutes != 0) {
            throw new IllegalArgumentException("a synthetic trace needs days >= 1, a mean above 0, seasons in [0, 1),"
                    + " ramp and step factors above 0, a step share in [0, 1], flash peaks >= 1, noise and flicker >= 0 and rows of minutes dividing a day");
        }
    }

    /** A trace of one row a minute, as the set was before it had hourly rows. */
    public SyntheticTrace(String name, int days, double meanPerMinute, double dailyAmplitude, double weekendDip,
                          double rampTo, double stepAt, double stepFactor, int flashCrowds, double flashPeak,
                          double noise, double flicker, long seed) {
        this(name, days, meanPerMinute, dailyAmplitude, weekendDip, rampTo, stepAt, stepFactor, flashCrowds,
                flashPeak, noise, flicker, seed, 1);
    }

    /** A trace without flicker, as the set was before it had any. */
    public SyntheticTrace(String name, int days, double meanPerMinute, double dailyAmplitude, double weekendDip,
                          double rampTo, double stepAt, double stepFactor, int flashCrowds, double flashPeak,
                          double noise, long seed) {
        this(name, days, meanPerMinute, dailyAmplitude, weekendDip, rampTo, stepAt, stepFactor, flashCrowds,
                flashPeak, noise, 0, seed);
    }

    /**
     * The set {@code bench/decision-quality.sh} chooses defaults on: four weeks each, a mean of 600 requests a minute
     * (10 requests/s), one shape per trace plus the plain seasons at three noise levels, and the seasons at 40 requests
     * a minute, to be replayed x 15 as the NASA trace is, quiet and bursty.
     *
     * @param seed the base seed; each trace adds its index, so one seed makes the whole set
     * @return the traces
     */
    public static List<SyntheticTrace> standardSet(long seed) {
        return List.of(
                new SyntheticTrace("synthetic-seasons-quiet", 28, 600, 0.6, 0.3, 1, 0, 1, 0, 1, 0.05, seed),
                new SyntheticTrace("synthetic-seasons-noisy", 28, 600, 0.6, 0.3, 1, 0, 1, 0, 1, 0.2, seed + 1),
                new SyntheticTrace("synthetic-seasons-wild", 28, 600, 0.6, 0.3, 1, 0, 1, 0, 1, 0.5, seed + 2),
                new SyntheticTrace("synthetic-flash-crowds", 28, 600, 0.6, 0.3, 1, 0, 1, 12, 5, 0.1, seed + 3),
                new SyntheticTrace("synthetic-slow-ramp", 28, 400, 0.6, 0.3, 3, 0, 1, 0, 1, 0.1, seed + 4),
                new SyntheticTrace("synthetic-sudden-step", 28, 500, 0.6, 0.3, 1, 0.5, 2.5, 0, 1, 0.1, seed + 5),
                // As sparse as NASA's log: ~40 requests a minute, replayed x 15 like NASA (the name says so, and the
                // bench scripts read the scale from it), so Poisson noise alone is ~16% a minute, four times the
                // others' at 600 a minute: the kind of load the public trace has and the rest of the set does not.
                new SyntheticTrace("synthetic-sparse-x15", 28, 40, 0.6, 0.3, 1, 0, 1, 0, 1, 0.2, seed + 6),
                // The same with NASA's per-minute burstiness: a flicker of 0.235 brings the swing to ~31% (NASA's is
                // 29%, sparse-x15's 18%) and the variance over Poisson's to ~3 (NASA's 3.2). Added after the second
                // round's default, chosen without it, broke the SLO on NASA far more than on this set; calibrated on
                // that statistic of the real trace, not on any policy's results there.
                new SyntheticTrace("synthetic-bursty-x15", 28, 40, 0.6, 0.3, 1, 0, 1, 0, 1, 0.2, 0.235, seed + 7),
                // seasons-noisy's shape published an hour a row, as Wikipedia's page views are: a replay holds each
                // hour's rate for its sixty minutes, so the load moves in hourly steps the season foretells. Added
                // (fourth round) because no trace of the set had such steps; its mean is 3,000 a minute (50
                // requests/s, ~10 busy processes) rather than 600, the size Wikipedia is replayed at, so one process
                // is a tenth of the load, not a half; its shape is seasons-noisy's, not chosen on any policy's result.
                new SyntheticTrace("synthetic-hourly", 28, 3000, 0.6, 0.3, 1, 0, 1, 0, 1, 0.2, 0, seed + 8, 60));
    }

    /** @return requests in each minute of the span */
    public double[] counts() {
        int minutes = days * 24 * 60;
        SplittableRandom random = new SplittableRandom(seed);
        double[] flash = new double[minutes];
        for (int crowd = 0; crowd < flashCrowds; crowd++) {
            int start = random.nextInt(minutes);
            double rise = 2 + 3 * random.nextDouble();
            double decay = 10 + 30 * random.nextDouble();
            for (int t = start; t < minutes; t++) {
                double since = t - start;
                double shape = since < rise ? since / rise : Math.exp(-(since - rise) / decay);
                if (since > rise && shape < 1e-3) {
                    break;
                }
                flash[t] = Math.max(flash[t], (flashPeak - 1) * shape);
            }
        }
        double[] counts = new double[minutes];
        double persistence = Math.exp(-1 / NOISE_MINUTES);
        double wander = 0;
        for (int t = 0; t < minutes; t++) {
            wander = persistence * wander + Math.sqrt(1 - persistence * persistence) * gaussian(random);
            double rate = meanPerMinute * season(t) * trend(t, minutes) * (1 + flash[t])
                    * Math.exp(noise * wander - noise * noise / 2);
            if (flicker > 0) {
                rate *= Math.exp(flicker * gaussian(random) - flicker * flicker / 2);
            }
            counts[t] = poisson(rate, random);
        }
        return counts;
    }

    /** @return the seasons' factor in minute {@code t} from the start */
    double season(int t) {
        double hour = (t % (24 * 60)) / 60.0;
        int dayOfWeek = (t / (24 * 60)) % 7; // 0 is Monday
        double daily = 1 + dailyAmplitude * Math.cos(2 * Math.PI * (hour - 14) / 24);
        return daily * (dayOfWeek >= 5 ? 1 - weekendDip : 1);
    }

    /** @return the ramp's and the step's factor in minute {@code t} of {@code minutes} */
    double trend(int t, int minutes) {
        double ramp = 1 + (rampTo - 1) * t / Math.max(1, minutes - 1);
        return ramp * (t >= stepAt * minutes ? stepFactor : 1);
    }

    /**
     * The minute-to-minute swing, the statistic the flicker is calibrated on: in each whole hour, the root mean square
     * of {@code L(t) - L(t-1)} over {@code sqrt(2)} (one minute's deviation, if minutes were independent) as a share
     * of the hour's mean; the median over the hours with any requests. Poisson counts of a mean m give about
     * {@code 1 / sqrt(m)}.
     *
     * @param counts requests per minute
     * @return the median hourly swing, 0 without a whole hour of requests
     */
    public static double swing(double[] counts) {
        int hours = counts.length / 60;
        double[] swings = new double[hours];
        int n = 0;
        for (int h = 0; h < hours; h++) {
            double sum = counts[h * 60];
            double squares = 0;
            for (int t = h * 60 + 1; t < h * 60 + 60; t++) {
                sum += counts[t];
                double change = counts[t] - counts[t - 1];
                squares += change * change;
            }
            if (sum > 0) {
                swings[n++] = Math.sqrt(squares / 59 / 2) / (sum / 60);
            }
        }
        if (n == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(swings, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @return the trace as {@link TraceReader} reads it, one step a row */
    public Trace trace() {
        return Trace.uniform(name, START, Duration.ofMinutes(rowMinutes), rows());
    }

    /** @return requests in each row: {@link #counts} summed over {@code rowMinutes} minutes at a time */
    public double[] rows() {
        double[] counts = counts();
        if (rowMinutes == 1) {
            return counts;
        }
        double[] rows = new double[counts.length / rowMinutes];
        for (int t = 0; t < rows.length * rowMinutes; t++) {
            rows[t / rowMinutes] += counts[t];
        }
        return rows;
    }

    /**
     * Writes the trace in the public traces' format: {@code time,number_of_requests}, one row a minute (or
     * {@code rowMinutes}), UTC.
     *
     * @param folder where to write {@code NAME.csv}
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public Path write(Path folder) throws IOException {
        Path file = folder.resolve(name + ".csv");
        double[] rows = rows();
        LocalDateTime start = LocalDateTime.ofInstant(START, ZoneOffset.UTC);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("time,number_of_requests\n");
            for (int row = 0; row < rows.length; row++) {
                out.write(TIME.format(start.plusMinutes((long) row * rowMinutes)) + "," + (long) rows[row] + "\n");
            }
        }
        return file;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: one normal draw from two uniform ones, the same on every JVM (unlike a library's cached pair).
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            // The normal approximation is within a request of Poisson at these rates and costs one draw.
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        // Knuth's product of uniforms, for the quiet minutes.
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
