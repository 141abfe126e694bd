/**
 * Heroku plugins: the {@code heroku} scale component (a process type's dyno count, through the Platform API) and the
 * {@code heroku-service-time} measure component (the router's service time of a request, read from the app's log).
 */
module io.autoscalebot.plugin.heroku {
    requires io.autoscalebot.api;
    requires java.net.http;
    // A platform module: resolved from autoscalebot's own layer, so the plugin folder ships no JSON library.
    requires com.fasterxml.jackson.databind;

    provides io.autoscalebot.api.scale.ScaleProvider
            with io.autoscalebot.plugin.heroku.scale.HerokuScaleProvider;
    provides io.autoscalebot.api.measure.MeasureProvider
            with io.autoscalebot.plugin.heroku.measure.HerokuServiceTimeProvider;
}
