package io.autoscalebot.plugin.predictive;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code String.format(Locale.ROOT, "%.2f", value)} without the Formatter: a decision's reason is built on every tick,
 * and in a simulation of hundreds of thousands of ticks the Formatter's parsing cost more than the decision itself.
 * The text is the same as the Formatter's: a value within a hair of a rounding tie, a negative one, or a huge one is
 * left to the Formatter, which decides ties on the value's shortest decimal form.
 */
final class Decimals {

    private static final long[] SCALES = {1, 10, 100};
    /** How many of the Formatter's answers {@link #FORMATTED} keeps before starting afresh. */
    private static final int REMEMBERED = 4096;
    /**
     * The Formatter's answers by places and value: measured values are ratios of small whole numbers, so the same ties
     * come back on tick after tick of a simulation (a third of target tracking's replay was the Formatter on them).
     */
    private static final List<Map<Double, String>> FORMATTED = List.of(new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

    private Decimals() {
    }

    /**
     * @param value the number
     * @param places decimals, 0 to 2
     * @return the number with that many decimals, as {@code %.<places>f} in {@code Locale.ROOT} writes it
     */
    static String fixed(double value, int places) {
        // Below 1e6 the error of value x 100 (a few 1e-9) is far inside the 1e-6 kept from a tie, so rounding the
        // scaled double rounds the same way as the Formatter's half-up on the shortest decimal form.
        if (!(value >= 0 && value < 1e6) || Double.doubleToRawLongBits(value) < 0) {
            return formatted(value, places);
        }
        long scale = SCALES[places];
        double scaled = value * scale;
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < 1e-6) {
            return formatted(value, places);
        }
        long units = (long) whole + (fraction > 0.5 ? 1 : 0);
        if (places == 0) {
            return Long.toString(units);
        }
        StringBuilder text = new StringBuilder(12).append(units / scale).append('.');
        String decimals = Long.toString(units % scale);
        for (int pad = decimals.length(); pad < places; pad++) {
            text.append('0');
        }
        return text.append(decimals).toString();
    }

    /** @return {@code String.format(Locale.ROOT, "%.<places>f", value)}, remembered */
    private static String formatted(double value, int places) {
        Map<Double, String> remembered = FORMATTED.get(places);
        String text = remembered.get(value);
        if (text == null) {
            text = String.format(Locale.ROOT, "%." + places + "f", value);
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(value, text);
        }
        return text;
    }
}
