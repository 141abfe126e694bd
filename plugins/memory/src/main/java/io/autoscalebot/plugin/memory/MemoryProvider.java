package io.autoscalebot.plugin.memory;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * The {@code memory} scaler: see {@link MemoryScale}.
 */
public final class MemoryProvider implements ScaleProvider {

    static final Setting START = Setting.of("start", SettingType.INTEGER).atLeast(0)
            .doc("The count before the first scale. Set it to the group's min to start there without a scale. When "
                    + "not set the count starts at 0, below any min of 1 or more, so the engine's first tick scales "
                    + "it up to the group's min (not in a --dry-run, which never scales).");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MemoryProvider() {
    }

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public String description() {
        return "Keeps the process count in memory only and changes nothing else: for tests, demos and benchmarks.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(START);
    }

    /**
     * Checks the settings beyond what their declaration checks; nothing, as {@code start} is only bounded below.
     *
     * @param settings the resolved settings
     * @return no problem
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return List.of();
    }

    @Override
    public Scale create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            // The engine refuses such settings before creating anything; a direct caller gets the first problem.
            throw new PluginException(problems.get(0).message());
        }
        return new MemoryScale(settings.has(START.name()) ? settings.integer(START.name()) : 0);
    }
}
