package io.autoscalebot.engine.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error found in a configuration file, reported together so a user fixes them all at once. Its message shows the
 * first {@value ShortList#SHOWN}, one a line, then how many more there are: a generated file with thousands of
 * mistakes gets a screenful, and fixing the first few usually fixes the rest.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    /** @param errors at least one */
    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().limit(ShortList.SHOWN).map(ConfigError::toString)
                .collect(Collectors.joining(System.lineSeparator()))
                + (errors.size() > ShortList.SHOWN
                        ? System.lineSeparator() + "... and " + (errors.size() - ShortList.SHOWN) + " more"
                        : ""));
        this.errors = List.copyOf(errors);
    }

    /** @return the errors in file order */
    public List<ConfigError> errors() {
        return errors;
    }
}
