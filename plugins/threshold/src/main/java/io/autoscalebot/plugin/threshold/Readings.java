package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.measure.Measurement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Writes numbers, readings, waits and times the way decision reasons show them to people. */
final class Readings {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Readings() {
    }

    /** @return {@code 1200} for whole numbers, otherwise at most two decimals: {@code 1377.33} */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** @return {@code 1200 ms}, or just {@code 1200} when the unit is empty */
    static String withUnit(double value, String unit) {
        return unit.isEmpty() ? number(value) : number(value) + " " + unit;
    }

    /** @return the values of the readings, oldest first: {@code 1340, 1502, 1290} */
    static String values(List<Measurement> readings) {
        return readings.stream().map(m -> number(m.value())).collect(Collectors.joining(", "));
    }

    /** @return the mean of the readings' values */
    static double average(List<Measurement> readings) {
        return readings.stream().mapToDouble(Measurement::value).average().orElseThrow();
    }

    /** @return a wait rounded up to whole seconds, so a hold never claims to end earlier than it does: {@code 45s} */
    static String duration(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** @return the time of day in the engine clock's zone: {@code 12:00:03} */
    static String time(Instant instant, ZoneId zone) {
        return CLOCK_TIME.format(instant.atZone(zone));
    }
}
