package io.autoscalebot.engine.loop;

import io.autoscalebot.api.notify.EventType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@link DecisionStep} concluded for one tick.
 *
 * @param current the count before
 * @param min the min in force at the time of the decision
 * @param max the max in force at the time of the decision
 * @param wanted what the decide plugin asked for, before clamping; empty for a hold or a failure
 * @param target the count to run: the wanted count clamped to [min, max], or the current count brought inside them
 * @param because words {@link #reason()}: kept unworded because most ticks of a simulation never read it, and a
 *     decide plugin may give its reason lazily ({@link io.autoscalebot.api.decide.Decision#hold(Supplier)})
 * @param conditions {@link EventType#ABOVE_MAX} or {@link EventType#BELOW_MIN} when the wanted count lay outside; empty
 *     when the decision failed (what was wanted is then unknown)
 * @param failure why no decision was made ({@code "decide failed: ..."}), or empty
 */
public record Verdict(int current, int min, int max, OptionalInt wanted, int target, Supplier<String> because,
                      Set<EventType> conditions, Optional<String> failure) {

    /** Checks and copies. */
    public Verdict {
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(because, "because");
        Objects.requireNonNull(failure, "failure");
        conditions = conditions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(conditions));
    }

    /** A verdict whose reason is already worded. */
    public Verdict(int current, int min, int max, OptionalInt wanted, int target, String reason,
                   Set<EventType> conditions, Optional<String> failure) {
        this(current, min, max, wanted, target, worded(reason), conditions, failure);
    }

    private static Supplier<String> worded(String reason) {
        Objects.requireNonNull(reason, "reason");
        return () -> reason;
    }

    /**
     * @return for people: the decide plugin's reason plus any clamping ({@code "...; wanted 6 but max is 4 from
     *     22:00"}), or the failure
     */
    public String reason() {
        return because.get();
    }

    /** @return true when the count must change */
    public boolean scales() {
        return target != current;
    }

    /** @return true when the decide plugin gave no usable decision */
    public boolean failed() {
        return failure.isPresent();
    }
}
