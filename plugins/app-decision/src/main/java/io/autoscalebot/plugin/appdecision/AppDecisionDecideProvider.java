package io.autoscalebot.plugin.appdecision;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * Offers the {@code app-decision} decider: it does what the app's newest instruction says; pair it with the
 * {@code app-decision} measure in mode {@code "instruction"}.
 */
public final class AppDecisionDecideProvider implements DecideProvider {

    private static final List<Setting> SETTINGS = List.of(
            Setting.of("increment", SettingType.INTEGER).defaultValue(1).atLeast(1)
                    .doc("How many processes an \"up\" instruction adds and a \"down\" instruction removes."));

    @Override
    public String id() {
        return AppDecisionMeasureProvider.ID;
    }

    @Override
    public String description() {
        return "Follows the app's newest instruction: up, down, steady or an exact count (the engine keeps min/max).";
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public Decide create(Settings settings, PluginContext context) {
        return new AppDecisionDecide(settings.integer("increment"));
    }
}
