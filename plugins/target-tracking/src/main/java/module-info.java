/**
 * The {@code target-tracking} decide plugin: the Kubernetes Horizontal Pod Autoscaler's algorithm (proportional
 * scaling with a tolerance, stabilization windows and rate policies) for any per-process measurement.
 */
module io.autoscalebot.plugin.targettracking {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.decide.DecideProvider
            with io.autoscalebot.plugin.targettracking.TargetTrackingProvider;
}
