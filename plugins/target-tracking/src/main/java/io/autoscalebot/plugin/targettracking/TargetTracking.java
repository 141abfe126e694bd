package io.autoscalebot.plugin.targettracking;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One group's target tracker. Follows the Kubernetes HPA controller step by step:
 * <ol>
 *   <li>proportional recommendation: {@code ceil(current x measured / target)}, or {@code current} when the ratio is
 *       within the tolerance of 1;</li>
 *   <li>stabilization: never above the lowest recommendation of the scale-up window, never below the highest of the
 *       scale-down window;</li>
 *   <li>rate policies: no further than the policies allow given the scales already made in their period, and within
 *       the group's min and max.</li>
 * </ol>
 * The instance keeps the recommendations and scales it has seen, so it must serve one group only. All times come from
 * {@link DecideContext#now()}, so the same instance runs in real and in simulated time.
 */
public final class TargetTracking implements Decide {

    private final double target;
    private final double tolerance;
    private final ScalingRules up;
    private final ScalingRules down;
    private final RecommendationWindow recommendations = new RecommendationWindow();
    private final ScaleHistory scales = new ScaleHistory();

    /**
     * @param target the per-process value to hold, greater than 0
     * @param tolerance how far the measured/target ratio may stray from 1 before anything changes, at least 0
     * @param up the scale-up rules
     * @param down the scale-down rules
     */
    public TargetTracking(double target, double tolerance, ScalingRules up, ScalingRules down) {
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("target must be a number greater than 0, got " + target);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.target = target;
        this.tolerance = tolerance;
        this.up = up;
        this.down = down;
    }

    /** Only the newest measurement is used: HPA reacts to the current value and smooths with its windows instead. */
    @Override
    public int historySize() {
        return 1;
    }

    /** The per-process target, for the status dashboard: the measurements it compares with it are per process too. */
    @Override
    public List<GuideLine> guideLines() {
        return List.of(new GuideLine("target", target));
    }

    @Override
    public Decision decide(DecideContext context) {
        Optional<Measurement> latest = context.latest();
        if (latest.isEmpty()) {
            return Decision.hold("no measurement yet");
        }
        Measurement measurement = latest.get();
        if (!measurement.succeeded()) {
            return Decision.hold("the newest measurement failed (" + measurement.failure() + ")");
        }
        if (!measurement.hasValue()) {
            return Decision.hold("target-tracking acts on measured values and ignores the app's instruction "
                    + measurement.instruction());
        }
        if (measurement.value() < 0) {
            return Decision.hold("the newest measurement is negative (" + measurement.describe()
                    + "), which no per-process load can be; check the measure plugin");
        }
        int current = context.current();
        if (current == 0) {
            return Decision.hold("no process is running, so there is no per-process value to track;"
                    + " set the group's min to at least 1");
        }
        Instant now = context.now();
        // The engine remembers its recent scales across restarts: a restarted tracker still counts them all.
        // Plain loops, no Optional or lambda per scale: this runs on every tick of a replay.
        for (ScaleEvent scale : context.recentScales()) {
            scales.observe(scale);
        }
        Optional<ScaleEvent> last = context.lastScale();
        if (last.isPresent()) {
            scales.observe(last.get());
        }
        scales.forgetBefore(now, longer(up.period(), down.period()));

        double ratio = measurement.value() / target;
        boolean within = Math.abs(ratio - 1) <= tolerance;
        int desired = within ? current : (int) Math.min(Integer.MAX_VALUE, Math.ceil(current * ratio));
        int stabilized = stabilize(now, current, desired);
        ScalingRules rules = stabilized > current ? up : down;
        int rateLimit = stabilized == current ? current : rateLimit(now, current, rules);
        int allowed = limitRate(current, stabilized, rules, rateLimit, context.min(), context.max());
        // Worded only when read (a notification, the log, the status page): a simulation's ticks read almost none.
        Supplier<String> reason = () -> reason(measurement, ratio, within, current, desired, stabilized, rules,
                rateLimit, allowed);
        return allowed == current ? Decision.hold(reason) : Decision.scaleTo(allowed, reason);
    }

    private int stabilize(Instant now, int current, int desired) {
        int upBound = recommendations.lowestAfter(now.minus(up.stabilization()), desired);
        int downBound = recommendations.highestAfter(now.minus(down.stabilization()), desired);
        recommendations.add(now, desired, longer(up.stabilization(), down.stabilization()));
        return Math.min(Math.max(current, upBound), downBound);
    }

    /** @return the furthest the rate policies of {@code rules} let the count go now, given the scales in their period */
    private int rateLimit(Instant now, int current, ScalingRules rules) {
        int periodStart = current - scales.netChangeWithin(now, rules.period());
        return rules.limit(current, periodStart);
    }

    /** @return {@code wanted}, or the rate limit or the group's min or max where one stops it first */
    private static int limitRate(int current, int wanted, ScalingRules rules, int rateLimit, int min, int max) {
        if (wanted == current) {
            return current;
        }
        boolean scalingUp = rules.direction() == ScalingRules.Direction.UP;
        int bound = scalingUp ? Math.min(rateLimit, max) : Math.max(rateLimit, min);
        boolean limited = scalingUp ? wanted > bound : wanted < bound;
        return limited ? bound : wanted;
    }

    /** @return why, in words, from the values of one decision */
    private String reason(Measurement measurement, double ratio, boolean within, int current, int desired,
                          int stabilized, ScalingRules rules, int rateLimit, int allowed) {
        StringBuilder reason = new StringBuilder("measured ").append(number(measurement.value(), measurement.unit()))
                .append(" vs target ").append(number(target, measurement.unit())).append(": ");
        if (within) {
            reason.append("ratio ").append(Decimals.fixed(ratio, 2)).append(" is within the tolerance of ")
                    .append(Decimals.fixed(tolerance, 2));
        } else {
            reason.append("ceil(").append(current).append(" x ").append(Decimals.fixed(ratio, 2)).append(") = ").append(desired);
        }
        if (stabilized != desired) {
            ScalingRules window = desired > current ? up : down;
            reason.append("; the ").append(ScalingRules.seconds(window.stabilization())).append(" scale-")
                    .append(window.direction().label()).append(" stabilization window keeps it at ").append(stabilized);
        }
        if (allowed != stabilized) {
            if (allowed == rateLimit) {
                reason.append("; the scale-").append(rules.direction().label()).append(" policy ").append(rules.describe())
                        .append(" allows ").append(allowed).append(" now");
            } else {
                reason.append("; the group's ").append(rules.direction() == ScalingRules.Direction.UP ? "max" : "min")
                        .append(" is ").append(allowed);
            }
        }
        return reason.toString();
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String number(double value, String unit) {
        String number = Decimals.fixed(value, 2);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
