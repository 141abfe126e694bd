package io.autoscalebot.engine.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error found in a configuration file, reported together so a user fixes them all at once.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    /** @param errors at least one */
    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining(System.lineSeparator())));
        this.errors = List.copyOf(errors);
    }

    /** @return the errors in file order */
    public List<ConfigError> errors() {
        return errors;
    }
}
