package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings both threshold deciders share, declared once, with the defaults of the original autoscalebot 0.3.
 *
 * @param maxValue a measurement above it is too slow (a "fail")
 * @param minValue a measurement below it is fast enough to scale down (a "pass")
 * @param increment how many processes to add or remove in one scale
 * @param postScaleWait how long to hold after a scale so the new count can show its effect
 * @param history how many measurements the engine keeps for the decider
 */
record ThresholdSettings(double maxValue, double minValue, int increment, Duration postScaleWait, int history) {

    /** The original's ConsecutiveThresholdBackend bounds, for response times in ms. */
    static final double[] CONSECUTIVE_BOUNDS = {400, 1200};
    /** The original's AverageThresholdBackend bounds, for queue sizes. */
    static final double[] AVERAGE_BOUNDS = {0, 20};

    static Setting maxValue(double defaultValue) {
        return Setting.of("max_value", SettingType.NUMBER).defaultValue(defaultValue)
                .doc("A measurement above this value counts as too slow (a \"fail\") and pushes towards scaling up, "
                        + "in the measurement's unit. The original's defaults: 1200 for consecutive-threshold "
                        + "(response times in ms), 20 for average-threshold (queue sizes).");
    }

    static Setting minValue(double defaultValue) {
        return Setting.of("min_value", SettingType.NUMBER).defaultValue(defaultValue)
                .doc("A measurement below this value counts as fast enough (a \"pass\") and pushes towards scaling "
                        + "down. Must be at most max_value. The original's defaults: 400 for consecutive-threshold, 0 for "
                        + "average-threshold.");
    }

    static final Setting INCREMENT = Setting.of("increment", SettingType.INTEGER).defaultValue(1).atLeast(1)
            .doc("How many processes to add or remove in one scale. The engine keeps the result within the group's "
                    + "min and max.");
    static final Setting POST_SCALE_WAIT = Setting.of("post_scale_wait", SettingType.DURATION)
            .defaultValue(Duration.ofSeconds(5))
            .doc("How long to hold after a scale before deciding again, so new processes can start and show their "
                    + "effect. Measured from the engine's last scale, so it survives a restart. The original "
                    + "POST_SCALE_WAIT_TIME_SECONDS defaulted to 5 seconds; slow-starting apps want more, like \"90s\".");
    static final Setting HISTORY = Setting.of("history", SettingType.INTEGER).defaultValue(10).atLeast(1)
            .doc("How many recent measurements the engine keeps for this decider. Must be at least the number of "
                    + "measurements a decision needs.");
    static final Setting FAILS = Setting.of("fails", SettingType.INTEGER).defaultValue(3).atLeast(1)
            .doc("Scale up after this many consecutive measurements above max_value. A failed measurement breaks "
                    + "the streak.");
    static final Setting PASSES = Setting.of("passes", SettingType.INTEGER).defaultValue(5).atLeast(1)
            .doc("Scale down after this many consecutive measurements below min_value. A failed measurement breaks "
                    + "the streak.");
    static final Setting AVERAGE_OVER = Setting.of("average_over", SettingType.INTEGER).defaultValue(3).atLeast(1)
            .doc("Average the newest this many successful measurements taken since the last scale; scale up when "
                    + "the average is above max_value, down when it is below min_value.");

    /**
     * @param bounds the decider's default {min_value, max_value}
     * @param specific the settings only one decider takes
     * @return the shared settings followed by {@code specific}
     */
    static List<Setting> schema(double[] bounds, Setting... specific) {
        List<Setting> schema = new ArrayList<>(
                List.of(maxValue(bounds[1]), minValue(bounds[0]), INCREMENT, POST_SCALE_WAIT, HISTORY));
        schema.addAll(List.of(specific));
        return List.copyOf(schema);
    }

    /**
     * Reads the shared settings, which {@link #problems} has found usable.
     *
     * @param settings the resolved settings
     * @return the shared settings
     */
    static ThresholdSettings from(Settings settings) {
        return new ThresholdSettings(settings.number("max_value"), settings.number("min_value"),
                settings.integer(INCREMENT.name()), settings.duration(POST_SCALE_WAIT.name()),
                settings.integer(HISTORY.name()));
    }

    /**
     * Checks that the settings make sense together, for the providers' {@code validate}.
     *
     * @param settings the resolved settings
     * @param needed the names of the settings that say how many measurements a decision needs
     * @return min_value above max_value (at min_value), and each count a history too short cannot hold (at the count)
     */
    static List<SettingProblem> problems(Settings settings, String... needed) {
        ThresholdSettings shared = from(settings);
        List<SettingProblem> problems = new ArrayList<>();
        if (shared.minValue > shared.maxValue) {
            problems.add(new SettingProblem("min_value", "min_value (" + Readings.number(shared.minValue)
                    + ") is above max_value (" + Readings.number(shared.maxValue)
                    + "); set min_value to at most max_value"));
        }
        for (String name : needed) {
            int count = settings.integer(name);
            if (count > shared.history) {
                problems.add(new SettingProblem(name, name + " (" + count + ") needs more measurements than history ("
                        + shared.history + ") keeps; raise history to at least " + count + " or lower " + name));
            }
        }
        return problems;
    }
}
