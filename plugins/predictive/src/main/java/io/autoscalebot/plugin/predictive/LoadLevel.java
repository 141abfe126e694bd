package io.autoscalebot.plugin.predictive;

import java.time.Duration;
import java.time.Instant;

/**
 * The measured load's steady level, its trend, and the noise around them (Holt's linear smoothing in time). One
 * measurement is a noisy sample of the load: planning on it pays for its noise on every tick, and the hold-down then
 * keeps the highest of those noisy plans. Planning on the level plus the rise expected within one lead, and covering
 * the noise once as a multiple of its standard deviation, buys the same safety with less spare.
 *
 * <p>The level and the trend follow the load with the time constant {@code window}; the noise is the root mean square
 * of the errors of {@link #ahead} one lead before (the load minus what was expected for it a lead earlier), smoothed
 * over the adapt window. That is what a process started now has to cover: for a load that flickers around a level it
 * is about the flicker, for a load that wanders it grows with how far the load wanders within one lead, and a ramp's
 * or a season's rise, which the trend expects, adds little.
 */
final class LoadLevel {

    private final double windowSeconds;
    private final Duration lead;
    private final Smoothed squaredError;
    // What ahead(lead) said over the last lead: each new load is compared with the newest a lead old.
    private final LeadAgo expected;
    private long lastSecond;
    private boolean known;
    private double level;
    // Busy processes per second.
    private double trend;
    // A group ticks at a steady interval: the weight of the last elapsed time is usually the next one's too.
    private long lastElapsed = -1;
    private double lastWeight;
    // The last measurement's error against what ahead(lead) said for it a lead earlier; NaN before there was one.
    private double lastError = Double.NaN;

    /**
     * @param window the time constant of the level and the trend, longer than 0s
     * @param lead how far ahead the level is used: the noise is its error over this
     * @param noiseWindow the time constant of the noise's mean square
     */
    LoadLevel(Duration window, Duration lead, Duration noiseWindow) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("level_window must be longer than 0s to smooth the load");
        }
        // Not toMillis(): it overflows for a window of billions of days, which the settings accept.
        this.windowSeconds = window.getSeconds() + window.getNano() / 1e9;
        this.lead = lead;
        this.expected = new LeadAgo(lead);
        this.squaredError = new Smoothed(noiseWindow);
    }

    /**
     * @param time when the load was measured; not before the previous one
     * @param load busy processes measured
     */
    void add(Instant time, double load) {
        long second = time.getEpochSecond();
        settle(time, second, load);
        if (!known) {
            known = true;
            level = load;
            lastSecond = second;
            expected.add(second, ahead(lead));
            return;
        }
        long elapsed = Math.max(0, second - lastSecond);
        if (elapsed == 0) {
            return;
        }
        if (elapsed != lastElapsed) {
            lastElapsed = elapsed;
            lastWeight = 1 - Math.exp(-elapsed / windowSeconds);
        }
        double predicted = level + trend * elapsed;
        double next = predicted + lastWeight * (load - predicted);
        trend += lastWeight * ((next - level) / elapsed - trend);
        level = next;
        lastSecond = second;
        expected.add(second, ahead(lead));
    }

    /** Compares the load with what was expected for it a lead earlier, as {@link LoadSpread} compares loads. */
    private void settle(Instant time, long second, double load) {
        double reference = expected.leadBefore(second);
        lastError = Double.NaN;
        if (!Double.isNaN(reference)) {
            double error = load - reference;
            lastError = error;
            squaredError.add(time, error * error);
        }
    }

    /**
     * @param lead how far ahead
     * @return the level plus the rise the trend expects within {@code lead}; a falling trend counts as none, as the
     *     floor is a safety net and falls are followed anyway; 0 before any load
     */
    double ahead(Duration lead) {
        return Math.max(0, level + Math.max(0, trend) * lead.getSeconds());
    }

    /**
     * @return the root mean square error of {@link #ahead} over one lead, in busy processes; 0 until a load a lead
     *     after the first was seen
     */
    double noise() {
        return squaredError.known() ? Math.sqrt(squaredError.value()) : 0;
    }

    /** @return the last measurement's error against what was expected for it a lead earlier; NaN if none */
    double lastError() {
        return lastError;
    }

    /** @return whether {@link #noise} was measured: a load a lead after the first was seen */
    boolean noiseKnown() {
        return squaredError.known();
    }
}
