package com.example.autoscalebot.filevalue;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * Offers the {@code file-value} measure: the number in a file, which a cron job, a script or a test writes. A complete
 * plugin is this: a provider with an id, a description and declared settings, and the instance it creates.
 */
public final class FileValueProvider implements MeasureProvider {

    static final Setting PATH = Setting.of("path", SettingType.STRING).asRequired()
            .doc("The file holding one number, for example written by `echo 42 > load.txt`.");
    static final Setting UNIT = Setting.of("unit", SettingType.STRING).defaultValue("")
            .doc("The unit shown with the value, such as `ms` or `tasks`.");

    @Override
    public String id() {
        return "file-value";
    }

    @Override
    public String description() {
        return "The number in a file (an example third-party plugin)";
    }

    @Override
    public List<Setting> settings() {
        return List.of(PATH, UNIT);
    }

    /** Checked when the configuration loads, so a blank path is reported at its line rather than at every tick. */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        if (settings.string("path").isBlank()) {
            return List.of(new SettingProblem("path", "is empty; give the file to read, like \"/run/load.txt\""));
        }
        return List.of();
    }

    @Override
    public Measure create(Settings settings, PluginContext context) {
        return new FileValueMeasure(java.nio.file.Path.of(settings.string("path")), settings.string("unit"),
                context.clock());
    }
}
