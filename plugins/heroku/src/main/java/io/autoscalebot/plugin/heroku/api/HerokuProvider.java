package io.autoscalebot.plugin.heroku.api;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Settings;

/**
 * What every Heroku component's provider shares: how its API client waits, and how it builds that client from the
 * component's settings.
 */
public abstract class HerokuProvider {

    private final Sleeper sleeper;

    /** @param sleeper how retries and rate-limit pacing wait; tests pass one that does not really wait */
    protected HerokuProvider(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /**
     * @param settings the component's settings, declared with {@link HerokuSettings#schema}
     * @param context the instance's context
     * @return an API client for the app the settings name
     * @throws PluginException if the connection settings are invalid
     */
    protected HerokuApi api(Settings settings, PluginContext context) throws PluginException {
        return new HerokuApi(HerokuSettings.connection(settings), context.clock(), context.logger(), sleeper);
    }
}
