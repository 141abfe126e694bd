/**
 * The {@code app-decision} plugin: the app answers a GET with JSON holding a number to measure, or a direct instruction
 * per group that the {@code app-decision} decider follows.
 */
module io.autoscalebot.plugin.appdecision {
    requires io.autoscalebot.api;
    requires java.net.http;
    // A platform module: resolved from autoscalebot's own layer, so the plugin folder ships no JSON library.
    requires com.fasterxml.jackson.databind;

    provides io.autoscalebot.api.measure.MeasureProvider
            with io.autoscalebot.plugin.appdecision.AppDecisionMeasureProvider;
    provides io.autoscalebot.api.decide.DecideProvider
            with io.autoscalebot.plugin.appdecision.AppDecisionDecideProvider;
}
