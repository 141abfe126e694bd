package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a decide plugin wants: a target count, or hold; always with a reason people can read.
 *
 * <p>The target may lie outside the group's min and max: the engine clamps it and says so.
 *
 * @param target the wanted process count, or empty to hold
 * @param reason why, in words: {@code "3 of the last 3 measurements above 1200 ms"}
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record Decision(OptionalInt target, String reason) {

    /** Checks the parts. */
    public Decision {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if (target.isPresent() && target.getAsInt() < 0) {
            throw new IllegalArgumentException("target must be >= 0, got " + target.getAsInt());
        }
    }

    /** @return a decision to keep the current count */
    public static Decision hold(String reason) {
        return new Decision(OptionalInt.empty(), reason);
    }

    /** @return a decision to run {@code target} processes */
    public static Decision scaleTo(int target, String reason) {
        return new Decision(OptionalInt.of(target), reason);
    }

    /** @return true when the decision is to hold */
    public boolean isHold() {
        return target.isEmpty();
    }
}
