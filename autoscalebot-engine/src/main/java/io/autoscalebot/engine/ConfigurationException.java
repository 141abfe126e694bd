package io.autoscalebot.engine;

import io.autoscalebot.engine.config.ShortList;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A configuration file has problems: all of them, so a user fixes them at once. */
public final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<ConfigProblem> problems;

    /**
     * @param file the configuration file
     * @param problems at least one, in file order
     */
    public ConfigurationException(Path file, List<ConfigProblem> problems) {
        // The first problems, then how many more: a generated file can have thousands.
        super(problems.stream().limit(ShortList.SHOWN).map(ConfigProblem::toString)
                .collect(Collectors.joining(System.lineSeparator()))
                + (problems.size() > ShortList.SHOWN
                        ? System.lineSeparator() + "... and " + (problems.size() - ShortList.SHOWN) + " more" : ""));
        this.file = Objects.requireNonNull(file, "file");
        this.problems = List.copyOf(problems);
    }

    /** @return the configuration file */
    public Path file() {
        return file;
    }

    /** @return every problem, in file order */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
