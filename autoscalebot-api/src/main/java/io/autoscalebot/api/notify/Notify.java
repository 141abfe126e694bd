package io.autoscalebot.api.notify;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Plugin;

/**
 * Tells people what happened: console, log, e-mail.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Notify extends Plugin {

    /**
     * Delivers one notification. Runs under a timeout; a failure is logged and never retried in a loop.
     *
     * @param notification what happened
     * @throws Exception if delivery failed
     */
    void notify(Notification notification) throws Exception;
}
