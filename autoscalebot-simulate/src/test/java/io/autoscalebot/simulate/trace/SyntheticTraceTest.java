package io.autoscalebot.simulate.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticTraceTest {

    private static final int DAY = 24 * 60;

    /** Two weeks of plain seasons, no noise beyond Poisson's. */
    private static SyntheticTrace seasons(double noise, long seed) {
        return new SyntheticTrace("t", 14, 600, 0.6, 0.3, 1, 0, 1, 0, 1, noise, seed);
    }

    @Test
    void theSameSeedGivesTheSameCountsAndAnotherSeedOthers() {
        assertThat(seasons(0.2, 7).counts()).containsExactly(seasons(0.2, 7).counts());
        assertThat(seasons(0.2, 8).counts()).isNotEqualTo(seasons(0.2, 7).counts());
    }

    @Test
    void aDayPeaksInTheAfternoonAndAWeekDipsAtTheWeekend() {
        double[] counts = seasons(0, 1).counts();

        // Monday 14:00-15:00 against 02:00-03:00: 1.6 against about 0.48 of the mean.
        assertThat(mean(counts, 14 * 60, 15 * 60) / mean(counts, 2 * 60, 3 * 60)).isGreaterThan(3);
        // Saturday against Monday, whole days: 1 - weekendDip.
        assertThat(mean(counts, 5 * DAY, 6 * DAY) / mean(counts, 0, DAY)).isCloseTo(0.7, within(0.02));
    }

    @Test
    void aFlashCrowdMultipliesTheRateWithinMinutes() {
        SyntheticTrace crowded = new SyntheticTrace("t", 14, 600, 0, 0, 1, 0, 1, 3, 6, 0, 3);
        double[] counts = crowded.counts();

        int peak = 0;
        for (int t = 0; t < counts.length; t++) {
            peak = counts[t] > counts[peak] ? t : peak;
        }
        assertThat(counts[peak] / 600).isGreaterThan(5);
        // It rose within 5 minutes from the base rate.
        assertThat(counts[Math.max(0, peak - 6)] / 600).isLessThan(1.5);
        // Most minutes see no crowd.
        assertThat(median(counts)).isCloseTo(600, within(30.0));
    }

    @Test
    void aSlowRampAndASuddenStepScaleTheRate() {
        double[] ramp = new SyntheticTrace("t", 14, 600, 0, 0, 3, 0, 1, 0, 1, 0, 4).counts();
        double[] step = new SyntheticTrace("t", 14, 600, 0, 0, 1, 0.5, 2.5, 0, 1, 0, 5).counts();

        assertThat(mean(ramp, ramp.length - DAY, ramp.length) / mean(ramp, 0, DAY)).isCloseTo(2.73, within(0.05));
        assertThat(mean(ramp, 13 * DAY / 2, 15 * DAY / 2) / 600).isCloseTo(2, within(0.05));
        int middle = step.length / 2;
        assertThat(mean(step, middle - 60, middle) / 600).isCloseTo(1, within(0.02));
        assertThat(mean(step, middle, middle + 60) / 600).isCloseTo(2.5, within(0.05));
    }

    @Test
    void moreNoiseSpreadsTheCountsMoreWithoutMovingTheirMean() {
        double quiet = spread(seasons(0.05, 6).counts());
        double noisy = spread(seasons(0.2, 6).counts());
        double wild = spread(seasons(0.5, 6).counts());

        assertThat(quiet).isLessThan(noisy).isLessThan(wild);
        assertThat(wild).isCloseTo(0.5, within(0.1));
        assertThat(mean(seasons(0.5, 6).counts(), 0, 14 * DAY) / mean(seasons(0, 6).counts(), 0, 14 * DAY))
                .isCloseTo(1, within(0.05));
    }

    @Test
    void flickerRaisesTheMinuteToMinuteSwingByAboutItselfAndTheSameSeedRepeatsIt() {
        double none = SyntheticTrace.swing(sparse(0, 11).counts());
        double some = SyntheticTrace.swing(sparse(0.1, 11).counts());
        double bursty = SyntheticTrace.swing(sparse(0.235, 11).counts());

        assertThat(none).isLessThan(some).isLessThan(bursty);
        // Independent per-minute factors add in quadrature to the Poisson and wander swing.
        assertThat(bursty).isCloseTo(Math.sqrt(none * none + 0.235 * 0.235), within(0.03));
        assertThat(sparse(0.235, 11).counts()).containsExactly(sparse(0.235, 11).counts());
        assertThat(SyntheticTrace.swing(sparse(0.235, 11).counts())).isEqualTo(bursty);
    }

    @Test
    void aTraceWithoutFlickerDrawsNothingForIt() {
        SyntheticTrace without = new SyntheticTrace("t", 14, 40, 0.6, 0.3, 1, 0, 1, 0, 1, 0.2, 11);

        assertThat(without.flicker()).isZero();
        assertThat(sparse(0, 11).counts()).containsExactly(without.counts());
    }

    @Test
    void theSwingOfPoissonCountsIsAboutOneOverTheRootOfTheirMean() {
        double[] counts = new SyntheticTrace("t", 14, 400, 0, 0, 1, 0, 1, 0, 1, 0, 12).counts();

        assertThat(SyntheticTrace.swing(counts)).isCloseTo(0.05, within(0.005));
        assertThat(SyntheticTrace.swing(new double[59])).isZero();
    }

    @Test
    void theStandardSetsBurstyTraceSwingsAsMuchAsPerMinuteWebTrafficAndItsSparseTwinLess() {
        double sparse = 0;
        double bursty = 0;
        for (SyntheticTrace trace : SyntheticTrace.standardSet(2026)) {
            if (trace.name().equals("synthetic-sparse-x15")) {
                sparse = SyntheticTrace.swing(trace.counts());
            } else if (trace.name().equals("synthetic-bursty-x15")) {
                bursty = SyntheticTrace.swing(trace.counts());
            }
        }

        // NASA's 1995 log per minute: 0.29 (docs/benchmarks.md, "Synthetic traces").
        assertThat(sparse).isCloseTo(0.18, within(0.02));
        assertThat(bursty).isCloseTo(0.30, within(0.02));
    }

    /** Two weeks of seasons at NASA's ~40 requests a minute, with the wander of the set's sparse trace. */
    private static SyntheticTrace sparse(double flicker, long seed) {
        return new SyntheticTrace("t", 14, 40, 0.6, 0.3, 1, 0, 1, 0, 1, 0.2, flicker, seed);
    }

    @Test
    void writesWhatTheTraceReaderReadsBack(@TempDir Path folder) throws Exception {
        SyntheticTrace shape = new SyntheticTrace("one-day", 1, 60, 0.5, 0, 1, 0, 1, 1, 3, 0.1, 9);

        Path file = shape.write(folder);
        Trace read = new TraceReader().read(file);

        assertThat(file.getFileName()).hasToString("one-day.csv");
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("time,number_of_requests");
        assertThat(read.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(read.time(0)).isEqualTo(SyntheticTrace.START);
        assertThat(read.counts()).containsExactly(shape.counts());
    }

    @Test
    void theStandardSetHoldsEveryShape() {
        assertThat(SyntheticTrace.standardSet(1)).extracting(SyntheticTrace::name).containsExactly(
                "synthetic-seasons-quiet", "synthetic-seasons-noisy", "synthetic-seasons-wild",
                "synthetic-flash-crowds", "synthetic-slow-ramp", "synthetic-sudden-step", "synthetic-sparse-x15",
                "synthetic-bursty-x15", "synthetic-hourly");
    }

    @Test
    void anHourlyTraceWritesEachHoursSumOfTheSameMinutesOneRowAnHour(@TempDir Path folder) throws Exception {
        SyntheticTrace minutes = new SyntheticTrace("m", 2, 600, 0.6, 0, 1, 0, 1, 0, 1, 0.2, 0, 13);
        SyntheticTrace hourly = new SyntheticTrace("h", 2, 600, 0.6, 0, 1, 0, 1, 0, 1, 0.2, 0, 13, 60);

        Trace read = new TraceReader().read(hourly.write(folder));

        double[] perMinute = minutes.counts();
        assertThat(read.step()).isEqualTo(Duration.ofHours(1));
        assertThat(read.time(1)).isEqualTo(SyntheticTrace.START.plus(Duration.ofHours(1)));
        assertThat(read.counts()).hasSize(48);
        assertThat(read.counts()[5]).isEqualTo(Arrays.stream(perMinute, 300, 360).sum());
        assertThat(Arrays.stream(read.counts()).sum()).isEqualTo(Arrays.stream(perMinute).sum());
    }

    @Test
    void refusesRowsThatDoNotDivideADay() {
        assertThatThrownBy(() -> new SyntheticTrace("h", 2, 600, 0, 0, 1, 0, 1, 0, 1, 0, 0, 13, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows of minutes dividing a day");
    }

    private static double mean(double[] counts, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += counts[t];
        }
        return sum / (to - from);
    }

    private static double median(double[] counts) {
        double[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The standard deviation of log(count / season), the noise around the seasons. */
    private static double spread(double[] counts) {
        SyntheticTrace shape = seasons(0, 0);
        double sum = 0;
        double squares = 0;
        for (int t = 0; t < counts.length; t++) {
            double residual = Math.log(Math.max(1, counts[t]) / (600 * shape.season(t)));
            sum += residual;
            squares += residual * residual;
        }
        double mean = sum / counts.length;
        return Math.sqrt(squares / counts.length - mean * mean);
    }
}
