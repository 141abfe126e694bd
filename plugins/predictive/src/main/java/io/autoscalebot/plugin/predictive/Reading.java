package io.autoscalebot.plugin.predictive;

import io.autoscalebot.api.measure.Measurement;
import java.util.Optional;

/**
 * The newest measurement read as a busy share of the processes, or why it cannot be: missing, failed, an instruction
 * from the app, negative, or not a utilisation at all (a response time in ms read as a busy share would multiply the
 * count by hundreds).
 *
 * @param busyShare the busy fraction, 0 or more; NaN when unusable
 * @param unusable why the measurement cannot be used, or {@code null} when it can
 */
record Reading(double busyShare, String unusable) {

    /**
     * @param latest the newest measurement, if any
     * @return its busy share: a unitless value as is, a value in {@code %} divided by 100
     */
    static Reading of(Optional<Measurement> latest) {
        if (latest.isEmpty()) {
            return unusable("no measurement yet");
        }
        Measurement measurement = latest.get();
        if (!measurement.hasValue()) {
            return unusable(measurement.succeeded()
                    ? "predictive acts on measured utilisation and ignores the app's instruction "
                            + measurement.instruction()
                    : "the newest measurement failed (" + measurement.failure() + ")");
        }
        double divisor = "%".equals(measurement.unit()) ? 100 : measurement.unit().isEmpty() ? 1 : Double.NaN;
        if (Double.isNaN(divisor)) {
            return unusable("predictive needs a utilisation, a busy fraction like 0.65, but the measure plugin"
                    + " reported " + measurement.describe() + "; measure utilisation, or use target-tracking or a"
                    + " threshold decider for this measurement");
        }
        if (measurement.value() < 0) {
            return unusable("the newest utilisation is negative (" + measurement.describe()
                    + "); a busy share is 0 or more, so check the measure plugin");
        }
        return new Reading(measurement.value() / divisor, null);
    }

    private static Reading unusable(String reason) {
        return new Reading(Double.NaN, reason);
    }

    /** @return true when {@link #busyShare()} can be used */
    boolean usable() {
        return unusable == null;
    }
}
