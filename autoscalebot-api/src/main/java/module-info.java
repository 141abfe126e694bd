/**
 * The autoscalebot plugin API: everything a plugin author compiles against.
 *
 * <p>A plugin offers one or more of the four roles to {@link java.util.ServiceLoader} through a provider:
 * {@link io.autoscalebot.api.measure.MeasureProvider}, {@link io.autoscalebot.api.decide.DecideProvider},
 * {@link io.autoscalebot.api.scale.ScaleProvider} and {@link io.autoscalebot.api.notify.NotifyProvider}. Each provider has a
 * stable id, a one-line description and a declared settings schema; the engine validates configuration, prints docs and
 * redacts secrets from that schema without creating the plugin.
 */
module io.autoscalebot.api {
    exports io.autoscalebot.api;
    exports io.autoscalebot.api.settings;
    exports io.autoscalebot.api.measure;
    exports io.autoscalebot.api.decide;
    exports io.autoscalebot.api.scale;
    exports io.autoscalebot.api.notify;
    exports io.autoscalebot.api.lease;

    uses io.autoscalebot.api.measure.MeasureProvider;
    uses io.autoscalebot.api.decide.DecideProvider;
    uses io.autoscalebot.api.scale.ScaleProvider;
    uses io.autoscalebot.api.notify.NotifyProvider;
    uses io.autoscalebot.api.lease.LeaseProvider;
}
