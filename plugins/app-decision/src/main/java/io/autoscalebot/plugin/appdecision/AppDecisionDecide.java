package io.autoscalebot.plugin.appdecision;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.measure.Measurement;
import java.util.Optional;

/**
 * Follows the app's newest instruction. A pure function of the context, so it runs the same in a simulation.
 */
final class AppDecisionDecide implements Decide {

    private final int increment;

    /** @param increment how many processes an up instruction adds and a down instruction removes, at least 1 */
    AppDecisionDecide(int increment) {
        if (increment < 1) {
            throw new IllegalArgumentException("increment must be >= 1, got " + increment);
        }
        this.increment = increment;
    }

    @Override
    public Decision decide(DecideContext context) {
        Optional<Measurement> latest = context.latest();
        if (latest.isEmpty()) {
            return Decision.hold("no instruction from the app yet");
        }
        Measurement newest = latest.get();
        if (!newest.succeeded()) {
            return Decision.hold("the app's newest answer failed: " + newest.failure());
        }
        if (newest.instruction() == null) {
            return Decision.hold("the newest measurement (" + newest.describe() + ") is not an instruction; measure"
                    + " with app-decision in mode \"instruction\"");
        }
        return follow(newest.instruction(), context.current());
    }

    private Decision follow(Instruction instruction, int current) {
        switch (instruction.action()) {
            case UP:
                return towards(current + increment, current, "the app asked to scale up");
            case DOWN:
                return towards(Math.max(0, current - increment), current, "the app asked to scale down");
            case STEADY:
                return Decision.hold("the app asked to stay at " + current);
            default:
                return towards(instruction.count(), current, "the app asked for exactly " + instruction.count());
        }
    }

    private static Decision towards(int target, int current, String reason) {
        return target == current ? Decision.hold(reason + "; already at " + current) : Decision.scaleTo(target, reason);
    }

    /** @return 1: only the newest measurement counts */
    @Override
    public int historySize() {
        return 1;
    }
}
