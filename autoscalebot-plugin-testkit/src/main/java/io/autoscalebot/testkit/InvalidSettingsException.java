package io.autoscalebot.testkit;

import io.autoscalebot.api.settings.SettingProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings the engine would refuse: {@link TestSettings#resolve} throws it with every problem, as {@code config
 * validate} would report them, so a test asserts on a problem's key and words.
 */
public final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SettingProblem> problems;

    /** @param problems what is wrong, at least one */
    public InvalidSettingsException(List<SettingProblem> problems) {
        super(problems.stream().map(problem -> problem.key() + ": " + problem.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, each tied to its setting's key */
    public List<SettingProblem> problems() {
        return problems;
    }
}
