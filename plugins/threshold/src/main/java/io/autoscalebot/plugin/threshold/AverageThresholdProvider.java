package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * The {@code average-threshold} decider: averages the newest {@code average_over} successful measurements and scales up
 * when the average is above {@code max_value}, down when it is below {@code min_value}.
 */
public final class AverageThresholdProvider implements DecideProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public AverageThresholdProvider() {
    }

    @Override
    public String id() {
        return "average-threshold";
    }

    @Override
    public String description() {
        return "Scales up when the newest `average_over` measurements average above max_value, down when below "
                + "min_value.";
    }

    @Override
    public List<Setting> settings() {
        return ThresholdSettings.schema(ThresholdSettings.AVERAGE_BOUNDS, ThresholdSettings.AVERAGE_OVER);
    }

    /** @return min_value above max_value, or a history shorter than average_over */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return ThresholdSettings.problems(settings, ThresholdSettings.AVERAGE_OVER.name());
    }

    @Override
    public Decide create(Settings settings, PluginContext context) {
        return new AverageThresholdDecide(ThresholdSettings.from(settings),
                settings.integer(ThresholdSettings.AVERAGE_OVER.name()), context.clock().getZone());
    }
}
