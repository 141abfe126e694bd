package io.autoscalebot.plugin.staticvalue;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code static} measure: a fixed {@code value}, or the number a {@code file} holds when measured; see
 * {@link FixedMeasure} and {@link FileMeasure}.
 */
public final class StaticProvider implements MeasureProvider {

    static final Setting VALUE = Setting.of("value", SettingType.NUMBER).example(500)
            .doc("The reading every measure returns. Set either value or file.");
    static final Setting FILE = Setting.of("file", SettingType.STRING)
            .doc("A file holding one number (surrounding spaces and a final newline are fine), read again at every "
                    + "measure, so a demo or a test changes the load by writing the file. Relative to autoscalebot's "
                    + "working directory. A missing, empty or non-numeric file is a failed measurement saying which. "
                    + "Set either value or file.");
    static final Setting UNIT = Setting.of("unit", SettingType.STRING).defaultValue("")
            .doc("The unit of the reading, shown in logs and notifications (ms, tasks); empty for none.");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public StaticProvider() {
    }

    @Override
    public String id() {
        return "static";
    }

    @Override
    public String description() {
        return "A fixed value, or the number in a file read at every measure: for tests, demos and benchmarks.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(VALUE, FILE, UNIT);
    }

    /**
     * Checks what the declarations alone cannot: exactly one of {@code value} and {@code file}.
     *
     * @param settings the resolved settings
     * @return what is wrong, empty when nothing is
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        boolean value = settings.has(VALUE.name());
        boolean file = settings.has(FILE.name());
        if (value && file) {
            problems.add(new SettingProblem(FILE.name(), "set either 'value' (a fixed reading) or 'file' (a file "
                    + "holding the reading), not both; remove one"));
        } else if (!value && !file) {
            problems.add(new SettingProblem(VALUE.name(), "set 'value' (a fixed reading, like value = 500) or 'file' "
                    + "(a file holding the reading, like file = \"load.txt\")"));
        } else if (file && settings.string(FILE.name()).isBlank()) {
            problems.add(new SettingProblem(FILE.name(), "'file' is empty; set it to the path of a file holding a "
                    + "number, like file = \"load.txt\""));
        }
        return problems;
    }

    /** @return {@link ValueRange#ANY}: the value is whatever the user wrote, for trying a decide plugin out */
    @Override
    public ValueRange valueRange(Settings settings) {
        return ValueRange.ANY;
    }

    @Override
    public Measure create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            // The engine refuses such settings before creating anything; a direct caller gets the first problem.
            throw new PluginException(problems.get(0).message());
        }
        String unit = settings.string(UNIT.name());
        if (settings.has(VALUE.name())) {
            return new FixedMeasure(settings.number(VALUE.name()), unit, context.clock());
        }
        return new FileMeasure(Path.of(settings.string(FILE.name())), unit, context.clock());
    }
}
