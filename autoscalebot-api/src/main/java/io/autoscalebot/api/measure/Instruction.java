package io.autoscalebot.api.measure;

import io.autoscalebot.api.Api;
import java.util.Objects;

/**
 * A direct instruction from the app for its group (the {@code app-decision} plugin's {@code {"web": "up"}}), carried by
 * a {@link Measurement} instead of a value. The engine still clamps the result to the group's min and max.
 *
 * @param action what to do
 * @param count the exact count for {@link Action#EXACT}; 0 otherwise
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public record Instruction(Action action, int count) {

    /** What the app asks for. */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    public enum Action {
        /** One step up. */
        UP,
        /** One step down. */
        DOWN,
        /** Keep the current count. */
        STEADY,
        /** Exactly {@link Instruction#count()} processes. */
        EXACT
    }

    /** Checks the count fits the action. */
    public Instruction {
        Objects.requireNonNull(action, "action");
        if (action == Action.EXACT && count < 0) {
            throw new IllegalArgumentException("an exact count must be >= 0, got " + count);
        }
        if (action != Action.EXACT && count != 0) {
            throw new IllegalArgumentException("only EXACT carries a count, got " + action + " with " + count);
        }
    }

    /** @return an instruction for exactly {@code count} processes */
    public static Instruction exact(int count) {
        return new Instruction(Action.EXACT, count);
    }

    /** @return an UP, DOWN or STEADY instruction */
    public static Instruction of(Action action) {
        return new Instruction(action, 0);
    }

    @Override
    public String toString() {
        return action == Action.EXACT ? "exactly " + count : action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
