package io.autoscalebot.plugin.targettracking;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Offers {@code target-tracking}: keeps a per-process measurement near a target the way Kubernetes' Horizontal Pod
 * Autoscaler does, with its defaults.
 */
public final class TargetTrackingProvider implements DecideProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "target-tracking";

    // In HPA, writing a direction's policies replaces its defaults, so a policy left out is off. Here a setting left
    // out takes its default, so 0 (a limit HPA rejects as meaningless) is how a user leaves a policy out.
    private static final String NO_POLICY_DOC = "0 (or unset, where there is no default) means no such policy; each"
            + " direction needs a policy above 0 unless its select is \"disabled\".";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Scales in proportion to how far a per-process measurement is from its target, like Kubernetes' HPA:"
                + " count = ceil(count x measured / target), with a tolerance, stabilization windows and rate limits";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        settings.add(Setting.of("target", SettingType.NUMBER).asRequired().atLeast(0)
                .doc("The per-process value to hold, in the measurement's unit: 0.7 for 70% utilisation, 500 for a"
                        + " 500 ms response time. Must be greater than 0."));
        settings.add(Setting.of("tolerance", SettingType.NUMBER).defaultValue(0.1).atLeast(0)
                .doc("Hold while measured/target is within this fraction of 1 (0.1: between 0.9 and 1.1), so small"
                        + " wobbles do not scale."));
        ScalingRules up = ScalingRules.hpaUp();
        ScalingRules down = ScalingRules.hpaDown();
        settings.addAll(directionSettings(up, "Scaling up acts on the lowest recommendation made within this window;"
                + " 0s reacts at once."));
        settings.addAll(directionSettings(down, "Scaling down acts on the highest recommendation made within this"
                + " window, so a short dip does not remove processes."));
        return List.copyOf(settings);
    }

    private static List<Setting> directionSettings(ScalingRules defaults, String stabilizationDoc) {
        String way = defaults.direction().label();
        String verb = defaults.direction() == ScalingRules.Direction.UP ? "added" : "removed";
        Setting percent = Setting.of("scale_" + way + "_percent", SettingType.INTEGER).atLeast(0)
                .doc("At most this percentage of the count at the start of each period may be " + verb
                        + " within the period. " + NO_POLICY_DOC);
        Setting pods = Setting.of("scale_" + way + "_pods", SettingType.INTEGER).atLeast(0)
                .doc("At most this many processes may be " + verb + " within each period. " + NO_POLICY_DOC);
        return List.of(
                Setting.of("scale_" + way + "_stabilization", SettingType.DURATION)
                        .defaultValue(defaults.stabilization()).doc(stabilizationDoc),
                withDefault(percent, defaults.percent()),
                withDefault(pods, defaults.pods()),
                Setting.of("scale_" + way + "_period", SettingType.DURATION).defaultValue(defaults.period())
                        .atLeast(Duration.ofMillis(1))
                        .doc("The sliding period the scale-" + way + " policies count " + verb
                                + " processes in. Must be longer than 0s."),
                Setting.of("scale_" + way + "_select", SettingType.STRING).defaultValue(defaults.select().label())
                        .choices("max", "min", "disabled")
                        .doc("max: the policy allowing the bigger change wins; min: the smaller; disabled: never"
                                + " scale " + way + "."));
    }

    private static Setting withDefault(Setting setting, OptionalInt value) {
        return value.isPresent() ? setting.defaultValue(value.getAsInt()) : setting;
    }

    /** @return a target that is not above 0, or a direction that may scale but has no policy above 0 */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        double target = settings.number("target");
        if (target <= 0) {
            problems.add(new SettingProblem("target", "setting 'target' must be greater than 0, got " + target
                    + ": it is the per-process value to hold, like 0.7 for 70% utilisation"));
        }
        for (ScalingRules.Direction direction : ScalingRules.Direction.values()) {
            String prefix = "scale_" + direction.label() + "_";
            SelectPolicy select = SelectPolicy.fromLabel(settings.string(prefix + "select"));
            if (select != SelectPolicy.DISABLED && policy(settings, prefix + "percent").isEmpty()
                    && policy(settings, prefix + "pods").isEmpty()) {
                String way = direction.label();
                problems.add(new SettingProblem(prefix + "percent", "scaling " + way + " has no policy: "
                        + state(settings, prefix + "percent") + " and " + state(settings, prefix + "pods")
                        + "; set one of them above 0, or set " + prefix + "select = \"disabled\" to never scale "
                        + way));
            }
        }
        return problems;
    }

    @Override
    public Decide create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            // The engine refuses such settings before creating anything; a direct caller gets the first problem.
            throw new PluginException(problems.get(0).message());
        }
        return new TargetTracking(settings.number("target"), settings.number("tolerance"),
                rules(settings, ScalingRules.Direction.UP), rules(settings, ScalingRules.Direction.DOWN));
    }

    /** @return one direction's rules from settings {@link #validate} accepts */
    private static ScalingRules rules(Settings settings, ScalingRules.Direction direction) {
        String prefix = "scale_" + direction.label() + "_";
        return new ScalingRules(direction, settings.duration(prefix + "stabilization"),
                policy(settings, prefix + "percent"), policy(settings, prefix + "pods"),
                settings.duration(prefix + "period"), SelectPolicy.fromLabel(settings.string(prefix + "select")));
    }

    private static OptionalInt policy(Settings settings, String name) {
        return settings.has(name) && settings.integer(name) > 0 ? OptionalInt.of(settings.integer(name))
                : OptionalInt.empty();
    }

    private static String state(Settings settings, String name) {
        return "'" + name + "' is " + (settings.has(name) ? String.valueOf(settings.integer(name)) : "unset");
    }
}
