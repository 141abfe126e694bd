package io.autoscalebot.plugin.predictive;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers {@code predictive}: learns when a group is busy over the day and the week and starts processes before the
 * load arrives, falling back to reactive target tracking when its forecast is wrong.
 */
public final class PredictiveProvider implements DecideProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "predictive";

    // The defaults of the recommended policy, chosen by bench/decision-quality.sh (docs/benchmarks.md).
    private static final double TARGET = 0.9;
    private static final double HEADROOM = 0.75;
    private static final double MAX_ERROR = 0.5;
    // The floor's headroom beside the defaults above and a 3-minute hold-down: the cheapest candidate that broke the
    // SLO no more than the floor-less default on every trace of bench/decision-quality.sh's synthetic set; chosen on
    // those only, the public traces being the out-of-sample test (docs/benchmarks.md, bench/predictive-sweep.sh).
    private static final double FLOOR_HEADROOM = 0.2;
    private static final double FLOOR_SPREAD = 2;
    /**
     * The most the floor's spare settings may ask for (100 times the load, its swing or its noise): far beyond any
     * useful value, and small enough that the floor's search, one step per process, stays short. 1e308 passed the old
     * bounds and made the decider loop two billion times a tick.
     */
    private static final double FLOOR_SPARE_MAX = 100;
    private static final boolean FLOOR_AHEAD = false;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Learns the daily and weekly shape of a utilisation measurement's load and scales ahead of it by the"
                + " boot time; scales reactively on the measured load when the forecast proves wrong";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.of("target", SettingType.NUMBER).defaultValue(TARGET).atLeast(0).atMost(1)
                        .doc("The utilisation (busy share of each process, above 0, at most 1) to run at before"
                                + " headroom: count = ceil(busy processes / target + ...). Lower buys room for"
                                + " bursts. The measure plugin must report utilisation as a fraction, like 0.65."),
                Setting.of("headroom", SettingType.NUMBER).defaultValue(HEADROOM).atLeast(0)
                        .doc("Spare processes beyond busy / target, in units of the square root of the busy ones"
                                + " (square-root staffing): count = ceil(busy / target + headroom x sqrt(busy))."
                                + " Random arrivals swing by about sqrt(busy), so this keeps queueing equally rare at"
                                + " 3 processes and at 300; 0 turns it off."),
                Setting.of("lead", SettingType.DURATION).defaultValue(Duration.ofMinutes(2))
                        .doc("How far ahead to plan: a process's boot time plus the group's interval, so processes"
                                + " started now serve when the forecast load arrives."),
                Setting.of("bucket", SettingType.DURATION).defaultValue(Duration.ofMinutes(15))
                        .atLeast(Duration.ofMinutes(1)).atMost(Duration.ofDays(1))
                        .doc("The width of one time-of-week bucket of the learnt profile, from 1m to 1d and dividing"
                                + " a day (5m, 15m, 1h). At least the group's interval; finer follows steeper"
                                + " ramps but learns each bucket from fewer measurements."),
                Setting.of("smoothing", SettingType.NUMBER).defaultValue(0.3).atLeast(0).atMost(1)
                        .doc("The weight (above 0, at most 1) of a bucket's newest day or week against what it"
                                + " learnt before: 1 trusts only the last one, 0.3 forgets an odd day within a few."),
                Setting.of("peak_weight", SettingType.NUMBER).defaultValue(0.5).atLeast(0).atMost(1)
                        .doc("Where between a bucket's mean load (0) and its highest (1) to plan for; higher costs"
                                + " more and breaks the response-time goal less often."),
                Setting.of("hold_down", SettingType.DURATION).defaultValue(Duration.ofMinutes(10))
                        .doc("Scale down only to the highest count wanted within this window, so short dips do not"
                                + " remove processes that are needed again at once. With the reactive floor on"
                                + " (service_time set), 3m is enough and costs less."),
                Setting.of("max_error", SettingType.NUMBER).defaultValue(MAX_ERROR).atLeast(0)
                        .doc("Fall back to reactive scaling while recent forecasts were off by more than this"
                                + " fraction of the load (mean absolute error over mean load; 0.5 is 50%)."
                                + " Minute-to-minute noise alone often makes 20-30%."),
                Setting.of("adapt_window", SettingType.DURATION).defaultValue(Duration.ofHours(1))
                        .atLeast(Duration.ofMillis(1))
                        .doc("The memory of the level correction (how much busier than its profile the group is"
                                + " lately) and of the forecast error. Must be longer than 0s."),
                Setting.of("service_time", SettingType.DURATION).defaultValue(Duration.ZERO)
                        .doc("How long one request takes to serve when nothing waits (1 / a process's capacity)."
                                + " With response_goal set, turns on the reactive floor: never fewer processes than"
                                + " the M/M/c queueing model needs to keep the mean response time within the goal at"
                                + " the load measured now. 0s (the default) turns the floor off."),
                Setting.of("response_goal", SettingType.DURATION).defaultValue(Duration.ZERO)
                        .doc("The mean response time the reactive floor keeps within; longer than service_time."
                                + " Only used with service_time."),
                Setting.of("floor_headroom", SettingType.NUMBER).defaultValue(FLOOR_HEADROOM).atLeast(0).atMost(FLOOR_SPARE_MAX)
                        .doc("The reactive floor plans for this share more load than measured now (0.2 is 20%),"
                                + " as the load may grow before new processes serve."),
                Setting.of("floor_spread", SettingType.NUMBER).defaultValue(FLOOR_SPREAD).atLeast(0).atMost(FLOOR_SPARE_MAX)
                        .doc("The reactive floor also plans for this many times the load's recent swing: the root"
                                + " mean square change of the measured load over one lead, smoothed over"
                                + " adapt_window. It buys spare where the load is noisy and little where it is steady;"
                                + " 0 turns it off."),
                Setting.of("floor_ahead", SettingType.BOOLEAN).defaultValue(FLOOR_AHEAD)
                        .doc("Whether the reactive floor also covers the load the forecast expects within the lead"
                                + " (when the forecast is trusted and expects more than now), so the queueing model's"
                                + " spare is there when that load arrives; false floors the load measured now only."),
                Setting.of("level_window", SettingType.DURATION).defaultValue(Duration.ZERO)
                        .doc("Plan on the measured load's smoothed level (and its rise over one lead) instead of"
                                + " the last measurement, with this time constant (e.g. 5m), so one minute's noise is"
                                + " not paid for on every tick and kept by the hold-down; floor_noise then covers the"
                                + " noise once, and floor_headroom and floor_spread, which still apply to the load"
                                + " measured now, guard the steps and bursts the level has not caught up with. 0s (the"
                                + " default) plans on the last measurement."),
                Setting.of("floor_noise", SettingType.NUMBER).defaultValue(0.0).atLeast(0).atMost(FLOOR_SPARE_MAX)
                        .doc("The reactive floor also plans for this many times the load's noise around its"
                                + " smoothed level: the root mean square error of the level's forecast one lead ahead,"
                                + " averaged over adapt_window. Needs level_window; 0 (the default) turns it off."),
                Setting.of("guard_noise", SettingType.NUMBER).defaultValue(0.0).atLeast(0).atMost(FLOOR_SPARE_MAX)
                        .doc("Caps the spare of the guards that are a share of the load (target and headroom on the"
                                + " planned load, floor_headroom and floor_spread on the load now) at this many times"
                                + " the load's noise around its smoothed level (as floor_noise measures it), so a load"
                                + " that holds still between steps, like hourly traffic, is not paid a share of itself"
                                + " all hour while a noisy one keeps its guards; the forecast still scales ahead of a"
                                + " step the season foretells. With noise_slot the cap is of the noise of the slots"
                                + " the coming lead reaches, or of the level's error now when larger (a flash crowd at"
                                + " a quiet time of day). Needs level_window; 0 (the default) leaves the guards"
                                + " uncapped."),
                Setting.of("noise_slot", SettingType.DURATION).defaultValue(Duration.ZERO)
                        .atMost(Duration.ofDays(1))
                        .doc("Learn the load's noise around its level by time of day, in slots this wide (e.g. 5m;"
                                + " at least 1m, dividing a day), and let floor_noise and guard_noise use the noise of"
                                + " the slots the coming lead reaches: a load that moves in steps at set times (hourly"
                                + " traffic) is then spared around its steps, not all day. Needs level_window; 0s (the"
                                + " default) uses one noise over all times of day."),
                Setting.of("down_step", SettingType.INTEGER).defaultValue(0).atLeast(0)
                        .doc("Remove at most this many processes a tick when scaling down, so a fall is followed"
                                + " in steps rather than all at once when the hold-down lets go; 0 (the default)"
                                + " removes them at once."),
                Setting.of("save_every", SettingType.DURATION).defaultValue(Duration.ofMinutes(15))
                        .doc("How often the learnt profile is written to profile.csv in the plugin's state"
                                + " directory, besides at shutdown; 0s saves at shutdown only. A dry run or simulation"
                                + " never writes it."));
    }

    /**
     * @return a target or smoothing of 0, a bucket that does not divide a day into whole seconds, a response goal
     *     the queueing floor can never meet, or floor_noise or guard_noise without a level_window
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>(Policy.problems(settings.number("target"),
                settings.number("headroom"), settings.duration("bucket"), settings.number("smoothing"),
                settings.number("peak_weight"), settings.duration("adapt_window")));
        try {
            floor(settings);
        } catch (PluginException e) {
            problems.add(new SettingProblem("response_goal", withoutId(e)));
        }
        try {
            noise(settings);
        } catch (PluginException e) {
            problems.add(new SettingProblem(noiseKey(withoutId(e)), withoutId(e)));
        }
        return problems;
    }

    /** @return the setting a problem of {@link #noise} is about: the one its message starts with */
    private static String noiseKey(String message) {
        for (String key : new String[] {"guard_noise", "noise_slot"}) {
            if (message.startsWith(key)) {
                return key;
            }
        }
        return "floor_noise";
    }

    /** @return the message without the plugin's id before it: the engine names the plugin before each problem */
    private static String withoutId(PluginException e) {
        String message = e.getMessage();
        return message.startsWith(ID + ": ") ? message.substring(ID.length() + 2) : message;
    }

    @Override
    public Decide create(Settings settings, PluginContext context) throws PluginException {
        Policy policy = policy(settings);
        QueueFloor floor = floor(settings);
        SeasonalProfile profile = restore(policy, context);
        ProfileFile file = context.dryRun() ? null : new ProfileFile(context.stateDirectory());
        return new Predictive(policy, floor, settings.bool("floor_ahead"), noise(settings), profile,
                new ProfileStore(file, policy.saveEvery(), context.logger()));
    }

    private static QueueFloor floor(Settings settings) throws PluginException {
        try {
            return new QueueFloor(settings.duration("service_time"), settings.duration("response_goal"),
                    settings.number("floor_headroom"), settings.number("floor_spread"));
        } catch (IllegalArgumentException e) {
            throw new PluginException("predictive: " + e.getMessage() + "; see 'autoscalebot plugins describe "
                    + ID + "' for what each setting means");
        }
    }

    private static NoiseHandling noise(Settings settings) throws PluginException {
        try {
            return new NoiseHandling(settings.duration("level_window"), settings.number("floor_noise"),
                    settings.integer("down_step"), settings.number("guard_noise"), settings.duration("noise_slot"));
        } catch (IllegalArgumentException e) {
            throw new PluginException("predictive: " + e.getMessage());
        }
    }

    private static Policy policy(Settings settings) throws PluginException {
        try {
            return new Policy(settings.number("target"), settings.number("headroom"), settings.duration("lead"),
                    settings.duration("bucket"), settings.number("smoothing"), settings.number("peak_weight"),
                    settings.duration("hold_down"), settings.number("max_error"), settings.duration("adapt_window"),
                    settings.duration("save_every"));
        } catch (IllegalArgumentException e) {
            throw new PluginException("predictive: " + e.getMessage() + "; see 'autoscalebot plugins describe "
                    + ID + "' for what each setting means");
        }
    }

    /**
     * Reads what an earlier run learnt. An unreadable or outdated profile is reported and replaced by an empty one:
     * the group then scales reactively until it has learnt again, which is better than not starting.
     */
    private static SeasonalProfile restore(Policy policy, PluginContext context) {
        ProfileFile file = new ProfileFile(context.stateDirectory());
        SeasonalProfile profile = new SeasonalProfile(policy.bucket(), policy.smoothing());
        try {
            if (file.readInto(profile)) {
                context.logger().log(System.Logger.Level.INFO, "restored the learnt profile from " + file.path());
            }
            return profile;
        } catch (IOException | ProfileFile.UnusableProfileException e) {
            context.logger().log(System.Logger.Level.WARNING, "ignoring the learnt profile " + file.path() + ": "
                    + e.getMessage() + "; learning afresh and scaling reactively meanwhile (delete the file to"
                    + " silence this)");
            return new SeasonalProfile(policy.bucket(), policy.smoothing());
        }
    }
}
