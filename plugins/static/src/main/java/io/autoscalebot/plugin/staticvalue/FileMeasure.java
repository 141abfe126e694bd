package io.autoscalebot.plugin.staticvalue;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Reads the number a file holds at every measure, so whoever writes the file sets the load. Every problem with the
 * file is a failed measurement whose reason names the file and says how to fix it; the decider then holds.
 */
final class FileMeasure implements Measure {

    /** A number is a few dozen characters; more means the setting names the wrong file, which is not read whole. */
    static final int MAX_BYTES = 256;

    private final Path file;
    private final String unit;
    private final Clock clock;

    FileMeasure(Path file, String unit, Clock clock) {
        this.file = file;
        this.unit = unit;
        this.clock = clock;
    }

    @Override
    public Measurement measure() {
        Instant now = clock.instant();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Measurement.failed(now, file + " does not exist; write a number to it, like 500, or fix the static "
                    + "measure's file setting");
        } catch (IOException e) {
            return Measurement.failed(now, "cannot read " + file + ": " + e.getMessage()
                    + "; check it is a readable file");
        }
        if (bytes.length > MAX_BYTES) {
            return Measurement.failed(now, file + " holds more than " + MAX_BYTES + " bytes; it must hold one number, "
                    + "like 500");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return Measurement.failed(now, file + " is empty; write a number to it, like 500");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Measurement.failed(now, file + " holds \"" + printable(text) + "\", not a number; write a number "
                    + "to it, like 500");
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Measurement.failed(now, file + " holds " + text + "; write a finite number to it, like 500");
        }
        return Measurement.of(now, value, unit);
    }

    /** The start of what the file holds, control characters shown as '?', so a reason stays one readable line. */
    private static String printable(String text) {
        String head = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        StringBuilder shown = new StringBuilder(head.length());
        head.codePoints().forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.toString();
    }
}
