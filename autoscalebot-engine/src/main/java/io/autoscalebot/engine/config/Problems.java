package io.autoscalebot.engine.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every error found in one file, each placed at the key it is about, so the user sees them all in one run.
 */
final class Problems {

    private final Path file;
    private final TomlLocator locator;
    private final List<ConfigError> errors = new ArrayList<>();

    Problems(Path file, TomlLocator locator) {
        this.file = file;
        this.locator = locator;
    }

    /** Records an error at the key of that path (or its nearest enclosing table when the key is not written). */
    void add(KeyPath path, String message) {
        TomlLocator.Position position = locator.locate(path);
        errors.add(new ConfigError(file, position.line(), position.column(), message));
    }

    /** @return {@code FILE:LINE:COL} of that path, for messages produced later (at run time) */
    String where(KeyPath path) {
        TomlLocator.Position position = locator.locate(path);
        return file + ":" + position.line() + ":" + position.column();
    }

    /** @return the number of errors so far, to tell whether a part added any */
    int count() {
        return errors.size();
    }

    /** @throws ConfigException with every error in file order, if there is any */
    void throwIfAny() throws ConfigException {
        if (!errors.isEmpty()) {
            List<ConfigError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
            throw new ConfigException(sorted);
        }
    }
}
