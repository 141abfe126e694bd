package io.autoscalebot.cli;

import io.autoscalebot.engine.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads durations on the command line the way autoscale.toml does ({@code 30s}, {@code 5m}, {@code 250ms}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
