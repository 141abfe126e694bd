package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.settings.Setting;
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

    @Override
    public Decide create(Settings settings, PluginContext context) throws Exception {
        String averageOver = ThresholdSettings.AVERAGE_OVER.name();
        return new AverageThresholdDecide(ThresholdSettings.from(settings, averageOver), settings.integer(averageOver),
                context.clock().getZone());
    }
}
