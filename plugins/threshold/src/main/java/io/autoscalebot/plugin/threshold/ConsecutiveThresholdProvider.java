package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * The {@code consecutive-threshold} decider: scales up after {@code fails} consecutive measurements above
 * {@code max_value}, and down after {@code passes} consecutive measurements below {@code min_value}.
 */
public final class ConsecutiveThresholdProvider implements DecideProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ConsecutiveThresholdProvider() {
    }

    @Override
    public String id() {
        return "consecutive-threshold";
    }

    @Override
    public String description() {
        return "Scales up after `fails` measurements in a row above max_value, down after `passes` in a row below "
                + "min_value.";
    }

    @Override
    public List<Setting> settings() {
        return ThresholdSettings.schema(ThresholdSettings.CONSECUTIVE_BOUNDS, ThresholdSettings.FAILS, ThresholdSettings.PASSES);
    }

    /** @return min_value above max_value, or a history shorter than fails or passes */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return ThresholdSettings.problems(settings, ThresholdSettings.FAILS.name(), ThresholdSettings.PASSES.name());
    }

    @Override
    public Decide create(Settings settings, PluginContext context) {
        return new ConsecutiveThresholdDecide(ThresholdSettings.from(settings),
                settings.integer(ThresholdSettings.FAILS.name()), settings.integer(ThresholdSettings.PASSES.name()),
                context.clock().getZone());
    }
}
