package io.autoscalebot.api.measure;

import java.util.Locale;

/** Numbers for people, always short: a reading of {@code 1e308} is never printed as 309 digits. */
final class Numbers {

    private Numbers() {
    }

    /** @return {@code 512}, {@code 0.25}, {@code 1e308}, {@code -4.2e-7}: whole, two decimals, or scientific */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return String.valueOf((long) value);
        }
        if (magnitude >= 1e15 || magnitude < 0.01) {
            // Double.toString is the shortest text that reads back as the same double: 1.0E308 -> 1e308.
            return Double.toString(value).replace(".0E", "E").replace("E", "e");
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
