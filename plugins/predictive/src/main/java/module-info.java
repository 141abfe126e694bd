/**
 * The {@code predictive} decide plugin: learns the daily and weekly shape of a group's load and scales ahead of it by
 * the boot time, falling back to reactive target tracking when its forecast proves wrong.
 */
module io.autoscalebot.plugin.predictive {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.decide.DecideProvider
            with io.autoscalebot.plugin.predictive.PredictiveProvider;
}
