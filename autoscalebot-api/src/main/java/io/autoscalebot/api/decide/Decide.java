package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Plugin;

/**
 * Decides from recent measurements whether a group should scale up, down or hold.
 *
 * <p>A decide plugin should be a pure function of its settings and the {@link DecideContext}: the same code then runs in
 * {@code autoscalebot run} and in {@code autoscalebot simulate}, in virtual time.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Decide extends Plugin {

    /**
     * Decides. Runs under the group's timeout after every measurement.
     *
     * @param context the measurements, current count, bounds and last scale
     * @return a target or a hold, with its reason
     * @throws Exception if it cannot decide; the tick fails and nothing is scaled
     */
    Decision decide(DecideContext context) throws Exception;

    /** @return how many recent measurements {@link DecideContext#history()} should hold; 10 by default */
    default int historySize() {
        return 10;
    }
}
