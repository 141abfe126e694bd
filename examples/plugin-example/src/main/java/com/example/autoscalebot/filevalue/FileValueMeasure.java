package com.example.autoscalebot.filevalue;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;

/** Reads the file on every tick; anything but one number is a failed measurement, never a guess. */
final class FileValueMeasure implements Measure {

    private final Path file;
    private final String unit;
    private final Clock clock;

    FileValueMeasure(Path file, String unit, Clock clock) {
        this.file = file;
        this.unit = unit;
        this.clock = clock;
    }

    @Override
    public Measurement measure() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return Measurement.failed(clock.instant(), file + " does not exist; write a number into it");
        } catch (IOException e) {
            return Measurement.failed(clock.instant(), "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return Measurement.of(clock.instant(), Double.parseDouble(text), unit);
        } catch (NumberFormatException e) {
            return Measurement.failed(clock.instant(), file + " holds '" + text + "', not a number");
        }
    }
}
