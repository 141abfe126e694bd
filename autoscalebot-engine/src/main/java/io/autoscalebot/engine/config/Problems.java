package io.autoscalebot.engine.config;

import io.autoscalebot.engine.notify.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Collects every error found in one file, each placed at the key it is about, so the user sees them all in one run.
 */
final class Problems {

    private final Path file;
    private final TomlLocator locator;
    private final Set<String> secrets;
    private final List<ConfigError> errors = new ArrayList<>();

    /**
     * @param secrets the secrets the file holds, filled in while it is read; no message shows any of them, even one
     *     about another setting that holds a pasted secret
     */
    Problems(Path file, TomlLocator locator, Set<String> secrets) {
        this.file = file;
        this.locator = locator;
        this.secrets = secrets;
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
            // Masked only now: a secret may be read after a message quoting it was recorded.
            Redactor redactor = Redactor.of(secrets);
            List<ConfigError> sorted = new ArrayList<>();
            for (ConfigError error : errors) {
                sorted.add(new ConfigError(error.file(), error.line(), error.column(),
                        redactor.redact(error.message())));
            }
            sorted.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
            throw new ConfigException(sorted);
        }
    }
}
