package io.autoscalebot.api.measure;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Plugin;

/**
 * Measures how loaded a group is: a response time, a queue depth, a number from the app.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Measure extends Plugin {

    /**
     * Takes one reading. Runs under the group's timeout.
     *
     * <p>Return {@link Measurement#failed} for an expected failure (service down, bad response) with a reason the user
     * can act on; an exception is reported the same way, with its message.
     *
     * @return the reading, timed with the plugin context's clock
     * @throws Exception if the reading cannot be taken
     */
    Measurement measure() throws Exception;
}
