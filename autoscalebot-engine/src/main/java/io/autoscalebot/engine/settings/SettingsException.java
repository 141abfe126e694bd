package io.autoscalebot.engine.settings;

import io.autoscalebot.api.settings.SettingProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link SettingsResolver#resolve} with every problem found, so a user fixes them all at once.
 */
public class SettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SettingProblem> problems;

    /** @param problems what is wrong, at least one */
    public SettingsException(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found */
    public List<SettingProblem> problems() {
        return problems;
    }
}
