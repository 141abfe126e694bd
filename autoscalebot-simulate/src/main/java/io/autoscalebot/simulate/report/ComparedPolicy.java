package io.autoscalebot.simulate.report;

import io.autoscalebot.simulate.SimulationResult;
import java.util.Objects;

/**
 * One policy of a comparison: a configuration's group replayed against the trace and model every other policy of the
 * same report was replayed against.
 *
 * @param label how the report names it (the configuration file's name)
 * @param result its replay
 */
public record ComparedPolicy(String label, SimulationResult result) {

    /** Checks the parts. */
    public ComparedPolicy {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(result, "result");
    }

    /** @return whether its decide plugin is Kubernetes HPA's algorithm, so it is a point of HPA's cost/SLO curve */
    boolean isHpa() {
        return HpaCurve.PLUGIN.equals(result.decidePlugin());
    }
}
