package io.autoscalebot.plugin.targettracking;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.api.measure.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        context.recentScales().forEach(scale -> scales.observe(Optional.of(scale)));
        scales.observe(context.lastScale());
        scales.forgetBefore(now, longer(up.period(), down.period()));

        double ratio = measurement.value() / target;
        StringBuilder reason = new StringBuilder("measured ").append(number(measurement.value(), measurement.unit()))
                .append(" vs target ").append(number(target, measurement.unit())).append(": ");
        int desired;
        if (Math.abs(ratio - 1) <= tolerance) {
            desired = current;
            reason.append("ratio ").append(Decimals.fixed(ratio, 2)).append(" is within the tolerance of ")
                    .append(Decimals.fixed(tolerance, 2));
        } else {
            desired = (int) Math.min(Integer.MAX_VALUE, Math.ceil(current * ratio));
            reason.append("ceil(").append(current).append(" x ").append(Decimals.fixed(ratio, 2)).append(") = ").append(desired);
        }

        int stabilized = stabilize(now, current, desired, reason);
        int allowed = limitRate(now, current, stabilized, context.min(), context.max(), reason);
        return allowed == current ? Decision.hold(reason.toString()) : Decision.scaleTo(allowed, reason.toString());
    }

    private int stabilize(Instant now, int current, int desired, StringBuilder reason) {
        int upBound = recommendations.lowestAfter(now.minus(up.stabilization()), desired);
        int downBound = recommendations.highestAfter(now.minus(down.stabilization()), desired);
        recommendations.add(now, desired, longer(up.stabilization(), down.stabilization()));
        int stabilized = Math.min(Math.max(current, upBound), downBound);
        if (stabilized != desired) {
            ScalingRules window = desired > current ? up : down;
            reason.append("; the ").append(ScalingRules.seconds(window.stabilization())).append(" scale-")
                    .append(window.direction().label()).append(" stabilization window keeps it at ").append(stabilized);
        }
        return stabilized;
    }

    private int limitRate(Instant now, int current, int wanted, int min, int max, StringBuilder reason) {
        if (wanted == current) {
            return current;
        }
        ScalingRules rules = wanted > current ? up : down;
        int periodStart = current - scales.addedWithin(now, rules.period()) + scales.removedWithin(now, rules.period());
        int rateLimit = rules.limit(current, periodStart);
        boolean scalingUp = rules.direction() == ScalingRules.Direction.UP;
        int bound = scalingUp ? Math.min(rateLimit, max) : Math.max(rateLimit, min);
        boolean limited = scalingUp ? wanted > bound : wanted < bound;
        if (!limited) {
            return wanted;
        }
        if (bound == rateLimit) {
            reason.append("; the scale-").append(rules.direction().label()).append(" policy ").append(rules.describe())
                    .append(" allows ").append(bound).append(" now");
        } else {
            reason.append("; the group's ").append(scalingUp ? "max" : "min").append(" is ").append(bound);
        }
        return bound;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String number(double value, String unit) {
        String number = Decimals.fixed(value, 2);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
