package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import java.util.Objects;

/**
 * A value a decide plugin compares measurements with, for people to see next to the measurements: a threshold
 * ({@code scale up above}, {@code scale down below}) or a target. The engine's dashboard draws each as a horizontal
 * line over the group's measurements; it never decides anything from it.
 *
 * @param name what the line means, shown in the chart's legend: {@code "scale up above"}, {@code "target"}
 * @param value where it lies, in the unit of the group's measurements; finite
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public record GuideLine(String name, double value) {

    /** Checks the name and the value. */
    public GuideLine {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a guide line needs a name");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a guide line needs a finite value, got " + value);
        }
    }
}
