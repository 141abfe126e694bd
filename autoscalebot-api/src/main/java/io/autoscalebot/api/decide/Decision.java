package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a decide plugin wants: a target count, or hold; always with a reason people can read.
 *
 * <p>The target may lie outside the group's min and max: the engine clamps it and says so. A final class rather than a
 * record so that later API versions can add to it (more facts for notifications) without breaking a compiled plugin:
 * create one with {@link #hold(String)} or {@link #scaleTo(int, String)}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class Decision {

    private final OptionalInt target;
    private final String reason;

    private Decision(OptionalInt target, String reason) {
        this.target = Objects.requireNonNull(target, "target");
        this.reason = Objects.requireNonNull(reason, "reason");
        if (target.isPresent() && target.getAsInt() < 0) {
            throw new IllegalArgumentException("target must be >= 0, got " + target.getAsInt());
        }
    }

    /**
     * @param reason why, in words: {@code "the latest measurement, 800 ms, is between 400 and 1200 ms"}
     * @return a decision to keep the current count
     */
    public static Decision hold(String reason) {
        return new Decision(OptionalInt.empty(), reason);
    }

    /**
     * @param target the wanted process count, 0 or more
     * @param reason why, in words: {@code "3 of the last 3 measurements above 1200 ms"}
     * @return a decision to run {@code target} processes
     * @throws IllegalArgumentException if the target is negative
     */
    public static Decision scaleTo(int target, String reason) {
        return new Decision(OptionalInt.of(target), reason);
    }

    /** @return the wanted process count, or empty to hold */
    public OptionalInt target() {
        return target;
    }

    /** @return why, in words */
    public String reason() {
        return reason;
    }

    /** @return true when the decision is to hold */
    public boolean isHold() {
        return target.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision that && target.equals(that.target) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, reason);
    }

    @Override
    public String toString() {
        return "Decision[target=" + target + ", reason=" + reason + "]";
    }
}
