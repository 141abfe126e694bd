package io.autoscalebot.simulate.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A workload: how many requests (or tasks) arrived in each step of equal length. Immutable.
 *
 * <p>Times and counts are kept in primitive arrays so a replay of months of minutes stays fast.
 */
public final class Trace {

    private final String source;
    private final Duration step;
    private final long[] epochSeconds;
    private final double[] counts;
    private final MissingSteps missing;
    private final List<TraceGap> gaps;

    /**
     * @param source where the trace came from, for messages: a file name
     * @param step the length of one step
     * @param epochSeconds the start of each step, increasing
     * @param counts the arrivals in each step, at least 0
     * @param missing how steps without a row were treated
     * @param gaps the runs of steps the source had no rows for
     */
    public Trace(String source, Duration step, long[] epochSeconds, double[] counts, MissingSteps missing,
                 List<TraceGap> gaps) {
        this.source = Objects.requireNonNull(source, "source");
        this.step = Objects.requireNonNull(step, "step");
        this.epochSeconds = epochSeconds.clone();
        this.counts = counts.clone();
        this.missing = Objects.requireNonNull(missing, "missing");
        this.gaps = List.copyOf(gaps);
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("a trace step must be longer than 0s, got " + step);
        }
        if (epochSeconds.length != counts.length || counts.length == 0) {
            throw new IllegalArgumentException("a trace needs as many times as counts, at least one, got "
                    + epochSeconds.length + " times and " + counts.length + " counts");
        }
    }

    /**
     * A trace without gaps, for tests and synthetic workloads.
     *
     * @param source a name for messages
     * @param start the start of the first step
     * @param step the length of each step
     * @param counts the arrivals per step
     * @return the trace
     */
    public static Trace uniform(String source, Instant start, Duration step, double... counts) {
        long[] times = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            times[i] = start.getEpochSecond() + i * step.toSeconds();
        }
        return new Trace(source, step, times, counts, MissingSteps.ZERO, List.of());
    }

    /** @return where the trace came from */
    public String source() {
        return source;
    }

    /** @return the length of one step */
    public Duration step() {
        return step;
    }

    /** @return the number of steps a replay walks through */
    public int size() {
        return counts.length;
    }

    /** @return the start of step {@code index} */
    public Instant time(int index) {
        return Instant.ofEpochSecond(epochSeconds[index]);
    }

    /** @return the arrivals in step {@code index} */
    public double count(int index) {
        return counts[index];
    }

    /** @return the mean arrival rate in step {@code index}, per second */
    public double ratePerSecond(int index) {
        return counts[index] / seconds(step);
    }

    /** @return the arrivals of every step, a copy */
    public double[] counts() {
        return counts.clone();
    }

    /** @return how steps the source had no row for were treated */
    public MissingSteps missing() {
        return missing;
    }

    /** @return the runs of steps the source had no rows for, oldest first */
    public List<TraceGap> gaps() {
        return gaps;
    }

    /** @return how many steps the source had no row for, whichever way they were treated */
    public long missingSteps() {
        return gaps.stream().mapToLong(TraceGap::missingSteps).sum();
    }

    /**
     * This workload on another grid, for replaying at a group's interval rather than the trace's step. The arrival rate
     * is taken as constant within each step of this trace (the trace says nothing finer), so a new step's count is the
     * arrivals of the steps it overlaps, each in proportion to the overlap. The steps are laid end to end, so a gap a
     * {@link MissingSteps#GAP} trace skipped stays skipped; a new step starts at the time of the step it begins in plus
     * its offset there, to the second. A last, partial new step keeps the rate of what it overlaps.
     *
     * @param interval the new step, a group's interval
     * @param loadScale the factor every count is multiplied by
     * @return the resampled trace, keeping this one's source, treatment of missing steps and gaps
     */
    public Trace resampled(Duration interval, double loadScale) {
        long oldStep = step.toNanos();
        long newStep = interval.toNanos();
        if (newStep <= 0) {
            throw new IllegalArgumentException("an interval must be longer than 0s, got " + interval);
        }
        long span = oldStep * counts.length;
        long size = (span + newStep - 1) / newStep;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d intervals of %s do not fit"
                    + " in one replay; the trace spans %d steps of %s", size, interval, counts.length, step));
        }
        long[] times = new long[(int) size];
        double[] resampled = new double[(int) size];
        for (int tick = 0; tick < size; tick++) {
            long from = tick * newStep;
            long to = Math.min(from + newStep, span);
            double arrivals = 0;
            for (long at = from; at < to; ) {
                int index = (int) (at / oldStep);
                long end = Math.min((index + 1) * oldStep, to);
                arrivals += counts[index] * (end - at) / oldStep;
                at = end;
            }
            times[tick] = epochSeconds[(int) (from / oldStep)] + from % oldStep / 1_000_000_000L;
            resampled[tick] = arrivals * loadScale * newStep / (to - from);
        }
        return new Trace(source, interval, times, resampled, missing, gaps);
    }

    /**
     * The one conversion every rate, cost and response time of a replay is computed with, so they all agree.
     *
     * @param duration a step, boot time or SLO
     * @return its length in seconds, to the nanosecond
     */
    public static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    @Override
    public String toString() {
        return "Trace{" + source + ", " + counts.length + " steps of " + step + " from " + time(0) + ", "
                + missingSteps() + " missing steps as " + missing + ", total " + Arrays.stream(counts).sum() + "}";
    }
}
