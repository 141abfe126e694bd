package io.autoscalebot.engine.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a configuration file, where it is and how to fix it.
 *
 * @param file the file
 * @param line 1-based line, or 0 when the problem is about the whole file
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and how to fix it; never contains a secret
 */
public record ConfigError(Path file, int line, int column, String message) {

    /** Checks the parts. */
    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code FILE:LINE:COL: message} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
