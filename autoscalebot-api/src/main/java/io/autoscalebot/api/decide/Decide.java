package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Plugin;
import java.util.List;

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

    /**
     * The thresholds or the target this plugin compares measurements with, for the status dashboard to draw over the
     * group's measurements. Asked once, after {@link #setup()}; it must be quick and call nothing remote. A plugin
     * whose decision has no such fixed value (a forecast, an app's instruction) returns nothing, the default.
     *
     * @return the lines, in the unit of the group's measurements; empty by default
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    default List<GuideLine> guideLines() {
        return List.of();
    }
}
