package io.autoscalebot.engine.loop;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.context.TickContext;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The decide-and-clamp step of a tick, with no threads, scheduler or I/O: the min and max are evaluated at
 * {@code now} in the group's zone, the decide plugin is asked, and its answer is clamped to [min, max] with the reason
 * saying so. A count already outside [min, max] (a time-of-day bound changed) is brought inside even on a hold.
 *
 * <p>The {@link TickPipeline} calls it on every tick, in a run and in a simulation alike, asking the plugin through the
 * pipeline's {@link PluginCaller}; nothing else adds decision logic around it.
 */
public final class DecisionStep {

    /**
     * How the decide plugin is asked: through the pipeline's {@link PluginCaller}. A {@link Decide} is not one itself,
     * so the caller's guard cannot be bypassed by accident.
     */
    @FunctionalInterface
    public interface DecideCall {
        /** @return the plugin's decision; may be null (garbage), which fails the decision */
        Decision decide(DecideContext context) throws Exception;
    }

    private DecisionStep() {
    }

    /**
     * Decides and clamps.
     *
     * @param input the tick's facts
     * @param call asks the decide plugin
     * @return the verdict; a plugin that throws or returns null gives a failed verdict that still keeps the count
     *     inside [min, max]
     */
    public static Verdict decide(DecisionInput input, DecideCall call) {
        // Plain-number bounds need no local time: most groups, and every tick of their simulations, skip the zone.
        ZonedDateTime local = input.min().table().size() == 1 && input.max().table().size() == 1 ? null
                : input.now().atZone(input.zone());
        Bound min = Bound.of("min", input.min(), local);
        Bound max = Bound.of("max", input.max(), local);
        int current = input.current();
        if (min.value() > max.value()) {
            local = input.now().atZone(input.zone());
            return failed(input, min, max, current, "min " + min.value() + " is above max " + max.value() + " at "
                    + local.toLocalTime().withNano(0) + " in " + input.zone() + "; fix the group's min and max tables");
        }
        Decision decision;
        try {
            decision = call.decide(new TickContext(input.group(), input.now(), current, min.value(),
                    max.value(), input.history(), input.lastScale(), input.recentScales()));
        } catch (Exception e) {
            return failed(input, min, max, clamp(current, min, max), "decide failed: " + Failures.describe(e));
        }
        if (decision == null) {
            return failed(input, min, max, clamp(current, min, max), "decide failed: the decide plugin returned no "
                    + "decision (null); it must return Decision.hold(...) or Decision.scaleTo(...)");
        }
        return decision.isHold() ? hold(input, decision, min, max) : want(input, decision, min, max);
    }

    private static Verdict hold(DecisionInput input, Decision decision, Bound min, Bound max) {
        int current = input.current();
        int target = clamp(current, min, max);
        String inside = bringInside(current, min, max);
        // The decision's reason is read only when the verdict's is: most simulated ticks never read it.
        return new Verdict(current, min.value(), max.value(), OptionalInt.empty(), target,
                inside.isEmpty() ? decision::reason : () -> decision.reason() + inside, Set.of(), Optional.empty());
    }

    private static Verdict want(DecisionInput input, Decision decision, Bound min, Bound max) {
        int wanted = decision.target().getAsInt();
        Set<EventType> conditions = Set.of();
        Supplier<String> reason = decision::reason;
        if (wanted > max.value()) {
            conditions = Set.of(EventType.ABOVE_MAX);
            reason = () -> decision.reason() + "; wanted " + wanted + " but " + max.describe();
        } else if (wanted < min.value()) {
            conditions = Set.of(EventType.BELOW_MIN);
            reason = () -> decision.reason() + "; wanted " + wanted + " but " + min.describe();
        }
        return new Verdict(input.current(), min.value(), max.value(), OptionalInt.of(wanted),
                clamp(wanted, min, max), reason, conditions, Optional.empty());
    }

    private static Verdict failed(DecisionInput input, Bound min, Bound max, int target, String failure) {
        String reason = target == input.current() ? failure : failure + bringInside(input.current(), min, max);
        return new Verdict(input.current(), min.value(), max.value(), OptionalInt.empty(), target, reason, Set.of(),
                Optional.of(failure));
    }

    /** @return why a count outside the bounds moves ({@code "; min is 3 from 08:00"}), or empty when it is inside */
    private static String bringInside(int current, Bound min, Bound max) {
        if (current < min.value()) {
            return "; " + min.describe();
        }
        if (current > max.value()) {
            return "; " + max.describe();
        }
        return "";
    }

    private static int clamp(int count, Bound min, Bound max) {
        return Math.max(min.value(), Math.min(max.value(), count));
    }
}
