package io.autoscalebot.engine;

import io.autoscalebot.engine.config.ConfigError;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a configuration file, where it is and how to fix it.
 *
 * @param file the file
 * @param line 1-based line, or 0 when the problem is about the whole file (it cannot be read)
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and how to fix it; never contains a secret
 */
public record ConfigProblem(Path file, int line, int column, String message) {

    /** Checks the parts. */
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    static ConfigProblem of(ConfigError error) {
        return new ConfigProblem(error.file(), error.line(), error.column(), error.message());
    }

    /** @return {@code FILE:LINE:COL: message}, as editors and compilers write it */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
