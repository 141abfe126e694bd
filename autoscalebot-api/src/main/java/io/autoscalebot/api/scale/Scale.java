package io.autoscalebot.api.scale;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Plugin;

/**
 * Reads and changes a group's process count: Heroku dynos, Kubernetes replicas, local processes.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Scale extends Plugin {

    /**
     * Reads the count as it really is now, so a hand scale is noticed before deciding.
     *
     * @return the current process count
     * @throws Exception if it cannot be read; the tick fails
     */
    int current() throws Exception;

    /**
     * Sets the count. Never called in a dry run.
     *
     * @param target the wanted count, already clamped to the group's min and max
     * @return the count after the call
     * @throws Exception if the scale failed; a {@link io.autoscalebot.api.PluginException} message is shown as is
     */
    int scaleTo(int target) throws Exception;
}
