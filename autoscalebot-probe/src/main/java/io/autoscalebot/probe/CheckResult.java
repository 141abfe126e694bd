package io.autoscalebot.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * How one check went.
 *
 * @param name the check's name
 * @param millis how long it took, or how long it was waited for when it timed out
 * @param error why it failed, without secrets ({@code "timed out after 2000 ms"}, {@code "threw SQLException"}); empty
 *     when it passed
 */
public record CheckResult(String name, double millis, Optional<String> error) {

    /** Checks the parts. */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(error, "error");
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            throw new IllegalArgumentException("millis must be a finite number >= 0, was " + millis);
        }
    }

    /** @return whether the check passed */
    public boolean ok() {
        return error.isEmpty();
    }
}
